"""Static text pools for the synthetic demo-data generator.

Everything here is invented for demonstrations and training. The personal names are common
Indonesian given names and family, clan or second names, combined at random by the
generator; they do not describe real people, and any match with a real person is
coincidence. The case summaries and notes are composite examples written for this file,
not taken from real case records. Provider name patterns are generic office types with a
``{place}`` placeholder, not references to particular offices.

The generator draws from these pools with ``random.Random``. All pools are tuples of
``str`` (or dicts of tuples) so they cannot be changed by accident. Templates use
``str.format`` placeholders, and each pool documents which placeholders it may use:

- ``SUMMARY_TEMPLATES``: ``{age}``, ``{origin}``, ``{destination}``, ``{recruiter}``,
  ``{sector}``, ``{months}``.
- ``NOTE_TEMPLATES``: the summary placeholders plus ``{provider}`` and ``{worker}``.
- ``REFERRAL_REASONS``: ``{provider}``, ``{destination}``, ``{age}``.
- ``PROVIDER_NAME_PATTERNS``: ``{place}``.

``{recruiter}`` is filled from ``RECRUITER_DESCRIPTIONS`` and reads well after "oleh",
"melalui" or "dari"; ``{sector}`` is filled from ``SECTOR_PHRASES`` and reads well after
"sebagai".
"""

from __future__ import annotations

SUMMARY_PLACEHOLDERS: frozenset[str] = frozenset(
    {"age", "origin", "destination", "recruiter", "sector", "months"}
)
NOTE_PLACEHOLDERS: frozenset[str] = SUMMARY_PLACEHOLDERS | {"provider", "worker"}
REFERRAL_PLACEHOLDERS: frozenset[str] = frozenset({"provider", "destination", "age"})
PROVIDER_PLACEHOLDERS: frozenset[str] = frozenset({"place"})

# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------

FEMALE_GIVEN: tuple[str, ...] = (
    # Javanese
    "Siti",
    "Sri",
    "Dewi",
    "Endang",
    "Wahyuni",
    "Sumarni",
    "Suparmi",
    "Sulastri",
    "Suwarni",
    "Sukarti",
    "Sumiati",
    "Tuminah",
    "Painem",
    "Wartini",
    "Marsini",
    "Ningsih",
    "Rini",
    "Ratna",
    "Purwanti",
    "Yuliani",
    "Tri Wahyuni",
    "Dwi Astuti",
    "Eka Setyaningsih",
    "Kartini",
    "Tutik",
    "Puji Lestari",
    # Sundanese
    "Euis",
    "Neneng",
    "Iis",
    "Cucu",
    "Entin",
    "Imas",
    "Enok",
    "Nenden",
    "Lilis",
    "Yayah",
    "Elis",
    "Nunung",
    "Cicih",
    "Titin",
    "Dedeh",
    # Arabic-origin names common across the archipelago (incl. Madura, Lombok)
    "Nur'aini",
    "Ma'rifah",
    "Zulaikha",
    "Mu'awanah",
    "Sa'adah",
    "Ni'mah",
    "Khoiriyah",
    "Khadijah",
    "Aisyah",
    "Fatimah",
    "Nurhayati",
    "Nurul Hidayah",
    "Siti Aminah",
    "Maimunah",
    "Halimah",
    "Umi Kalsum",
    "Zainab",
    "Faridah",
    "Jamilah",
    "Rukiah",
    "Holifah",
    "Hasanah",
    # Batak
    "Tiurma",
    "Rotua",
    "Romauli",
    "Lasmaria",
    "Sondang",
    "Hotmaida",
    "Rosdiana",
    "Tiominar",
    "Rosmawati",
    # Bugis / Makassar
    "Sitti",
    "Hasnah",
    "Hamsinah",
    "Nurhaedah",
    "Hasmawati",
    "Sukmawati",
    "Ramlah",
    "Hajrah",
    "Syamsiah",
    "Jumriati",
    # Minangkabau
    "Yusnimar",
    "Nurbaiti",
    "Erlinda",
    "Yulinar",
    "Desmawati",
    "Syafrida",
    "Asnidar",
    "Yenni",
    # NTT (Timor, Flores, Sumba, Rote, Sabu), Maluku, Papua
    "Maria",
    "Yuliana",
    "Agustina",
    "Fransiska",
    "Magdalena",
    "Yohana",
    "Bernadeta",
    "Veronika",
    "Theresia",
    "Katarina",
    "Anastasia",
    "Paulina",
    "Florentina",
    "Ermelinda",
    "Yosefina",
    "Marselina",
    "Emerensiana",
    "Imelda",
    "Margaretha",
    "Martha",
    "Selfina",
    "Dorkas",
    "Debora",
    "Ester",
    "Naomi",
    "Ribka",
    "Lidia",
    "Yasinta",
    "Sisilia",
    "Elisabeth",
    "Aplonia",
    "Mariana",
    "Mince",
    "Orpa",
    "Yakoba",
    "Albertina",
    "Ferderika",
    "Maria Goreti",
    "Rambu Ana",
    # Belu / Malaka names of Portuguese origin
    "Fátima",
    "Antónia",
    "Conceição",
    # Balinese birth-order names, kept whole
    "Ni Luh Putu",
    "Ni Luh Gede",
    "Ni Made",
    "Ni Nyoman",
    "Ni Ketut",
    "Ni Kadek",
    "Ni Komang",
    "Ni Wayan",
    # Sasak / Sumbawa / Bima
    "Baiq",
    "Inaq",
    "Sahariah",
    # Names common everywhere
    "Rahmawati",
    "Fitri",
    "Yanti",
    "Indah",
    "Wulan",
    "Putri",
    "Ayu",
    "Nia",
    "Desi",
    "Novita",
    "Ratih",
    "Lina",
    "Intan",
)

MALE_GIVEN: tuple[str, ...] = (
    # Javanese
    "Slamet",
    "Sutrisno",
    "Bambang",
    "Joko",
    "Agus",
    "Budi",
    "Heru",
    "Eko",
    "Wahyu",
    "Suyanto",
    "Sugeng",
    "Teguh",
    "Sukardi",
    "Supriyadi",
    "Gunawan",
    # Sundanese
    "Asep",
    "Dadang",
    "Ujang",
    "Cecep",
    "Dede",
    "Jajang",
    "Yayan",
    "Engkus",
    # Arabic-origin names
    "Muhammad",
    "Ahmad",
    "Abdul Rahman",
    "Ma'ruf",
    "Mu'in",
    "Syaiful",
    "Rahmat",
    "Hasan",
    "Ismail",
    "Yusuf",
    "Zainal",
    "Khairul",
    "Fauzi",
    # Batak
    "Poltak",
    "Tigor",
    "Maruli",
    "Parlindungan",
    "Binsar",
    "Togar",
    "Sahat",
    # Bugis / Makassar
    "Andi",
    "Baso",
    "Syamsuddin",
    "Jamaluddin",
    "Amiruddin",
    "Sudirman",
    # Minangkabau
    "Afrizal",
    "Zulkifli",
    "Yusrizal",
    "Erizal",
    "Nasrul",
    # Madurese
    "Matrawi",
    "Sanusi",
    "Hosen",
    "Sukri",
    # NTT, Maluku, Papua
    "Yohanes",
    "Petrus",
    "Paulus",
    "Yosef",
    "Fransiskus",
    "Aloysius",
    "Markus",
    "Stefanus",
    "Agustinus",
    "Yakobus",
    "Simon",
    "Marthen",
    "Yermias",
    "Melkianus",
    "Obed",
    "Daniel",
    "Semuel",
    "Dominggus",
    "Nikolaus",
    "Kornelis",
    "Benyamin",
    "Laurensius",
    "Hendrik",
    "Kristoforus",
    "Umbu",
    "João",
    "António",
    # Balinese birth-order names, kept whole
    "I Wayan",
    "I Made",
    "I Nyoman",
    "I Ketut",
    "I Putu",
    "I Gede",
    "I Komang",
    "I Kadek",
    # Sasak
    "Lalu",
    "Amaq",
)

FAMILY_NAMES: tuple[str, ...] = (
    # Batak marga
    "Simanjuntak",
    "Sitompul",
    "Siregar",
    "Nasution",
    "Harahap",
    "Hutagalung",
    "Sihombing",
    "Simatupang",
    "Situmorang",
    "Pardede",
    "Manurung",
    "Sinaga",
    "Panjaitan",
    "Lubis",
    "Tambunan",
    "Hutapea",
    "Sitorus",
    "Silalahi",
    "Ginting",
    "Tarigan",
    "Sembiring",
    # Timor, Rote, Sabu, Flores, Sumba
    "Bria",
    "Nahak",
    "Seran",
    "Tefa",
    "Lakapu",
    "Manafe",
    "Ndun",
    "Bili",
    "Tallo",
    "Fanggidae",
    "Ndolu",
    "Messakh",
    "Amalo",
    "Nenobais",
    "Benu",
    "Selan",
    "Nitbani",
    "Taneo",
    "Kolo",
    "Bere",
    "Mau",
    "Klau",
    "Atok",
    "Tanesib",
    "Riwu",
    "Bire",
    "Djami",
    "Lado",
    "Kore",
    "Parera",
    "Fernandez",
    "da Costa",
    "da Silva",
    "Soares",
    "de Araújo",
    "Wangge",
    "Ndapa",
    # Javanese second names
    "Wulandari",
    "Rahayu",
    "Lestari",
    "Susanti",
    "Handayani",
    "Kurniawati",
    "Wahyuningsih",
    "Setiawati",
    "Puspitasari",
    "Utami",
    "Suryani",
    "Ningrum",
    "Safitri",
    "Pratiwi",
    "Anggraini",
    "Setiawan",
    "Santoso",
    "Wibowo",
    "Prasetyo",
    "Saputra",
    "Kurniawan",
    "Nugroho",
    "Susilo",
    # Bugis / Makassar
    "Mappiare",
    "Pallawa",
    "Latif",
    "Daeng Ngai",
    "Mattalatta",
    # Minangkabau suku and second names
    "Chaniago",
    "Piliang",
    "Tanjung",
    "Sikumbang",
    "Koto",
    "Jambak",
    # Sundanese
    "Sukmana",
    "Permana",
    "Kusumah",
    "Sumantri",
    "Hermawan",
    "Nurjanah",
    # Madurese
    "Bahri",
    "Fathorrahman",
    "Marzuki",
    "Hasyim",
    # Arabic-origin second names common everywhere
    "Hidayat",
    "Rahman",
    "Nurhasanah",
    "Ma'arif",
)

ALIASES: tuple[str, ...] = (
    "Nona",
    "Ita",
    "Yanti",
    "Ina",
    "Ani",
    "Tini",
    "Neng",
    "Iin",
    "Eni",
    "Yuli",
    "Tuti",
    "Ros",
    "Mia",
    "Lina",
    "Ati",
    "Ida",
    "Upik",
    "Butet",
    "Enong",
    "Mince",
    "Ona",
    "Yati",
    "Wati",
    "Ipah",
    "Imah",
    "Inah",
    "Ijah",
    "Kiki",
    "Tata",
    "Nengsih",
    "Ucok",
    "Ujang",
    "Udin",
    "Ama",
    "Nyong",
)

# --------------------------------------------------------------------------------------
# Person details
# --------------------------------------------------------------------------------------

OCCUPATIONS: tuple[str, ...] = (
    "Ibu rumah tangga",
    "Petani",
    "Buruh tani",
    "Buruh harian lepas",
    "Pelajar",
    "Mahasiswa",
    "Putus sekolah",
    "Tidak bekerja",
    "Asisten rumah tangga",
    "Nelayan",
    "Pedagang kecil",
    "Penjual sayur keliling",
    "Penenun kain tenun ikat",
    "Peternak",
    "Buruh pabrik",
    "Buruh bangunan",
    "Pelayan toko",
    "Pelayan warung makan",
    "Tukang cuci dan setrika",
    "Pengasuh anak",
    "Karyawan swasta",
    "Mantan pekerja migran",
    "Buruh kebun",
    "Pengojek",
)

LANGUAGES: tuple[str, ...] = (
    "Bahasa Indonesia",
    "Bahasa Melayu Kupang",
    "Bahasa Dawan",
    "Bahasa Tetun",
    "Bahasa Rote",
    "Bahasa Sabu",
    "Bahasa Manggarai",
    "Bahasa Sikka",
    "Bahasa Lamaholot",
    "Bahasa Kambera",
    "Bahasa Jawa",
    "Bahasa Sunda",
    "Bahasa Madura",
    "Bahasa Bugis",
    "Bahasa Makassar",
    "Bahasa Batak Toba",
    "Bahasa Minangkabau",
    "Bahasa Bali",
    "Bahasa Sasak",
    "Bahasa Bima",
)

STREET_NAMES: tuple[str, ...] = (
    "Jl. Timor Raya",
    "Jl. El Tari",
    "Jl. Soekarno",
    "Jl. Ahmad Yani",
    "Jl. Sudirman",
    "Jl. Diponegoro",
    "Jl. Gajah Mada",
    "Jl. Merdeka",
    "Jl. Pahlawan",
    "Jl. Veteran",
    "Jl. Kartini",
    "Jl. Cendana",
    "Jl. Flamboyan",
    "Jl. Kenanga",
    "Jl. Melati",
    "Jl. Mawar",
    "Jl. Anggrek",
    "Jl. Kelapa",
    "Jl. Sumba",
    "Jl. Flores",
    "Jl. Rote",
    "Jl. Sabu",
    "Jl. Nangka",
    "Jl. Perintis Kemerdekaan",
    "Jl. Raya Pos",
    "Jl. Lintas Sumatera",
    "Jl. Trans Flores",
    "Jl. Poros Desa",
    "Jl. Masjid",
    "Jl. Gereja",
    "Jl. Pasar Lama",
    "Jl. Pelabuhan",
    "Gg. Mawar",
    "Gg. Damai",
    "Gg. Sejahtera",
    "Dusun I",
    "Dusun II",
    "Dusun III",
    "Dusun IV",
    "Dusun Krajan",
    "Dusun Kali",
    "Kampung Baru",
    "Kampung Nelayan",
    "Lorong Pasar",
)
"""Street and hamlet fragments; the generator appends ``RT 003/RW 002`` style numbers."""

STREETS: tuple[str, ...] = STREET_NAMES
"""Alias of ``STREET_NAMES``."""

PLACE_ABROAD: dict[str, tuple[str, ...]] = {
    "my": (
        "Kuala Lumpur",
        "Johor Bahru",
        "Kota Kinabalu",
        "Tawau",
        "Sandakan",
        "Penang",
        "Kuching",
        "Lahad Datu",
        "Klang",
    ),
    "sg": ("Jurong", "Woodlands", "Tampines", "Bukit Batok", "Ang Mo Kio", "Yishun"),
    "sa": ("Riyadh", "Jeddah", "Makkah", "Madinah", "Dammam", "Taif", "Abha"),
    "ae": ("Dubai", "Abu Dhabi", "Sharjah", "Al Ain", "Ajman"),
    "hk": ("Kowloon", "Causeway Bay", "Sha Tin", "Tsuen Wan", "Yuen Long", "Tuen Mun"),
    "tw": ("Taipei", "Taichung", "Kaohsiung", "Tainan", "Taoyuan", "Hsinchu", "Pingtung"),
    "kr": ("Seoul", "Busan", "Incheon", "Ansan", "Gimhae", "Changwon"),
    "jp": ("Tokyo", "Osaka", "Nagoya", "Hamamatsu", "Oarai", "Yaizu", "Fukuoka"),
    "qa": ("Doha", "Al Wakrah", "Al Rayyan", "Al Khor", "Umm Salal"),
    "kw": ("Kuwait City", "Hawalli", "Salmiya", "Farwaniya", "Jahra"),
    "om": ("Muscat", "Salalah", "Sohar", "Nizwa", "Sur"),
    "bn": ("Bandar Seri Begawan", "Kuala Belait", "Seria", "Tutong", "Bangar"),
    "th": ("Bangkok", "Pattaya", "Songkhla", "Samut Sakhon", "Mae Sot", "Phuket"),
    "kh": ("Phnom Penh", "Sihanoukville", "Bavet", "Poipet", "Kampot", "Siem Reap"),
    "mm": ("Myawaddy", "Shwe Kokko", "Tachileik", "Yangon"),
}
"""Cities and areas abroad by lowercase ISO 3166-1 alpha-2 code."""

# --------------------------------------------------------------------------------------
# Case text
# --------------------------------------------------------------------------------------

SUMMARY_TEMPLATES: tuple[str, ...] = (
    # Wage theft and withheld documents
    "Korban berusia {age} tahun direkrut oleh {recruiter} dari {origin} dengan janji "
    "pekerjaan sebagai {sector} di {destination}. Selama {months} bulan gaji tidak dibayar "
    "dan dokumen identitas korban ditahan oleh pemberi kerja.",
    # Forced labour on a plantation, debt bondage
    "Korban, {age} tahun, berangkat dari {origin} melalui {recruiter} untuk bekerja sebagai "
    "{sector} di {destination}. Setibanya di lokasi, korban dipekerjakan di perkebunan sawit "
    "lebih dari dua belas jam sehari tanpa hari libur dan diberi tahu bahwa biaya "
    "keberangkatan menjadi utang. Korban bekerja selama {months} bulan sebelum dapat "
    "menghubungi keluarga.",
    # Forced labour on a fishing boat
    "Korban (usia {age} tahun) dari {origin} dijanjikan pekerjaan sebagai {sector} oleh "
    "{recruiter}, tetapi ditempatkan sebagai awak kapal penangkap ikan yang berpangkalan di "
    "{destination}. Selama {months} bulan korban tidak diizinkan turun ke darat, upahnya "
    "dipotong untuk biaya penempatan, dan paspornya disimpan oleh kapten kapal.",
    # Domestic servitude
    "Korban berusia {age} tahun berasal dari {origin} dan diberangkatkan oleh {recruiter} ke "
    "{destination} tanpa prosedur penempatan resmi. Korban bekerja di rumah majikan selama "
    "{months} bulan tanpa waktu istirahat yang cukup, tidak diperbolehkan keluar rumah, dan "
    "telepon genggamnya disita.",
    # Sexual exploitation in a karaoke bar
    "Korban, {age} tahun, dari {origin} ditawari pekerjaan sebagai {sector} di {destination} "
    "oleh {recruiter}. Di tempat kerja, korban dipaksa menemani tamu di tempat hiburan "
    "karaoke dan mengalami eksploitasi seksual dengan alasan melunasi utang biaya perjalanan. "
    "Situasi ini berlangsung sekitar {months} bulan hingga korban dapat meminta bantuan "
    "melalui keluarganya.",
    # Forced marriage (pengantin pesanan)
    "Korban berusia {age} tahun dikenalkan oleh {recruiter} kepada seorang laki-laki warga "
    "negara asing dan dinikahkan dengan janji kehidupan yang lebih baik di {destination}. "
    "Setelah menikah, korban dibatasi komunikasinya dengan keluarga di {origin} dan "
    "diwajibkan bekerja tanpa upah selama {months} bulan. Kasus ini teridentifikasi sebagai "
    "pola pengantin pesanan.",
    # Online scam compound
    "Korban (usia {age} tahun) dari {origin} direkrut melalui {recruiter} dengan tawaran "
    "pekerjaan sebagai {sector} bergaji tinggi di {destination}. Korban kemudian ditempatkan "
    "di sebuah kompleks tertutup dan dipaksa menjalankan penipuan daring dengan target "
    "harian; bila target tidak tercapai, korban diancam dan didenda. Korban berada di lokasi "
    "tersebut selama {months} bulan.",
    # Child labour
    "Korban berusia {age} tahun ketika dibawa oleh {recruiter} dari {origin} ke {destination} "
    "untuk bekerja sebagai {sector}. Korban putus sekolah dan bekerja selama {months} bulan, "
    "sementara upahnya diserahkan langsung kepada perantara, bukan kepada korban atau "
    "keluarganya.",
    # Advance payment to the family turned into debt
    "Korban, {age} tahun, meninggalkan {origin} setelah {recruiter} memberikan sejumlah uang "
    "kepada orang tua korban sebagai uang muka. Di {destination} korban bekerja sebagai "
    "{sector} dan diberi tahu bahwa uang tersebut merupakan utang yang dipotong dari gaji. "
    "Setelah {months} bulan korban belum menerima upah sama sekali.",
    # Forged identity documents
    "Data identitas korban yang berusia {age} tahun dipalsukan oleh {recruiter} agar tercatat "
    "lebih tua dan dapat diberangkatkan dari {origin} ke {destination}. Korban bekerja "
    "sebagai {sector} selama {months} bulan dan dipulangkan setelah jatuh sakit tanpa "
    "menerima sisa upah.",
    # Irregular route, confinement
    "Korban (usia {age} tahun) diberangkatkan dari {origin} melalui jalur tidak resmi oleh "
    "{recruiter} dan bekerja sebagai {sector} di {destination}. Korban tinggal di barak yang "
    "dikunci pada malam hari dan tidak mendapat akses layanan kesehatan ketika sakit. Korban "
    "bertahan selama {months} bulan sebelum dideportasi oleh otoritas setempat.",
    # Domestic work with physical abuse
    "Korban berusia {age} tahun direkrut oleh {recruiter} dari {origin} untuk bekerja sebagai "
    "{sector} di {destination}. Korban mengalami kekerasan fisik dan verbal serta tidak "
    "menerima gaji selama {months} bulan. Korban kemudian meninggalkan rumah majikan dan "
    "meminta bantuan kepada pihak berwenang setempat.",
    # Excessive hours and travel cost as debt
    "Korban berusia {age} tahun dari {origin} dibawa oleh {recruiter} ke {destination} dan "
    "dipekerjakan sebagai {sector}. Selama {months} bulan korban bekerja dengan jam kerja "
    "berlebihan, tidak menerima upah penuh, dan tidak dapat pulang karena ongkos perjalanan "
    "dianggap sebagai utang.",
    # Sexual exploitation in a lodging house
    "Korban ({age} tahun) meninggalkan {origin} bersama {recruiter} dengan tawaran pekerjaan "
    "sebagai {sector} di {destination}. Di tempat tujuan korban ditempatkan di sebuah wisma "
    "dan dipaksa melayani tamu, sedangkan seluruh penghasilannya diambil oleh pengelola. "
    "Korban berada dalam situasi tersebut sekitar {months} bulan.",
    # Forced marriage after payment to the family
    "Korban berusia {age} tahun dinikahkan melalui perantaraan {recruiter} dengan seorang "
    "laki-laki di {destination} setelah keluarganya di {origin} menerima sejumlah uang. "
    "Selama {months} bulan korban tinggal bersama keluarga suami, bekerja tanpa upah, dan "
    "dibatasi komunikasinya dengan keluarga.",
    # Scam compound, ransom demanded
    "Korban (usia {age} tahun) berangkat dari {origin} untuk bekerja sebagai {sector} atas "
    "tawaran {recruiter}, tetapi kemudian diseberangkan ke {destination} dan ditempatkan di "
    "kompleks penipuan daring. Paspor korban ditahan dan keluarga diminta membayar tebusan "
    "agar korban dapat keluar. Setelah {months} bulan korban dievakuasi bersama korban "
    "lainnya.",
    # Forced begging and peddling
    "Korban berusia {age} tahun dibawa oleh {recruiter} dari {origin} ke {destination} "
    "dengan janji bekerja sebagai {sector}, tetapi kemudian dipaksa mengemis dan menjajakan "
    "barang di jalan. Seluruh hasilnya diserahkan kepada pelaku selama kurang lebih {months} "
    "bulan.",
    # Domestic servitude, threats of arrest
    "Korban, {age} tahun, direkrut dari {origin} oleh {recruiter} sebagai {sector} di "
    "{destination}. Majikan menahan paspor korban dan mengancam akan melaporkannya kepada "
    "polisi bila korban meminta pulang. Korban bekerja dalam kondisi tersebut selama "
    "{months} bulan.",
)

RECRUITER_DESCRIPTIONS: tuple[str, ...] = (
    "seorang calo dari desa tetangga",
    "sponsor PMI ilegal",
    "kenalan di Facebook",
    "paman korban",
    "tetangga korban",
    "teman sekolah korban",
    "kekasih korban",
    "kerabat jauh korban",
    "mantan pekerja migran dari desa yang sama",
    "seorang perempuan yang mengaku sebagai penyalur tenaga kerja",
    "perekrut yang mengaku dari perusahaan penempatan resmi",
    "agen perjalanan tidak berizin",
    "akun lowongan kerja di media sosial",
    "seorang petugas lapangan perusahaan penempatan yang tidak terdaftar",
    "pemilik warung di kampung korban",
    "kenalan korban di tempat kerja sebelumnya",
)

SECTOR_PHRASES: tuple[str, ...] = (
    "pekerja kebun sawit",
    "asisten rumah tangga",
    "pelayan restoran",
    "operator pabrik",
    "pengasuh anak",
    "perawat lansia",
    "pramuniaga toko",
    "anak buah kapal",
    "buruh bangunan",
    "karyawan hotel",
    "pelayan kafe",
    "staf administrasi",
    "operator komputer",
    "petugas layanan pelanggan",
    "pekerja salon",
    "juru masak",
)

NOTE_TEMPLATES: tuple[str, ...] = (
    # Intake
    "Pengaduan diterima oleh {worker} melalui layanan SAPA 129. Pelapor menyampaikan bahwa "
    "korban berusia {age} tahun berada di {destination} dan tidak dapat menghubungi keluarga.",
    "Korban datang ke kantor didampingi keluarga. {worker} mencatat kronologi awal serta "
    "menjelaskan hak-hak korban dan kerahasiaan data.",
    "Kasus diterima dari {provider} setelah korban dipulangkan dari {destination}. {worker} "
    "melakukan identifikasi awal dan memastikan kebutuhan mendesak korban terpenuhi.",
    "Persetujuan korban dan orang tua/wali atas pengumpulan dan berbagi data telah dicatat "
    "oleh {worker}.",
    # Home visits
    "Kunjungan rumah ke {origin} oleh {worker}. Keluarga menerima petugas dengan baik; orang "
    "tua korban menyampaikan kekhawatiran tentang stigma dari lingkungan sekitar.",
    "{worker} melakukan kunjungan rumah lanjutan. Kondisi korban stabil, korban sudah "
    "membantu pekerjaan di rumah dan mengikuti kegiatan keagamaan di lingkungannya.",
    # Assessment
    "Asesmen biopsikososial dilakukan oleh {worker}. Korban mengalami sulit tidur dan cemas "
    "setelah {months} bulan berada di {destination}; direncanakan rujukan layanan psikologis.",
    "Asesmen risiko: pihak yang merekrut korban ({recruiter}) diketahui masih berada di "
    "sekitar {origin}. Disepakati bersama korban bahwa korban sementara tinggal di rumah aman.",
    "Pembahasan kasus bersama {provider} dan manajer kasus. Disepakati prioritas layanan: "
    "kesehatan, pendampingan hukum, dan pemulangan ke {origin}.",
    # Shelter
    "Korban ditempatkan sementara di {provider}. {worker} menyerahkan korban kepada petugas "
    "piket dan menyampaikan catatan kebutuhan korban.",
    "Korban telah tinggal di rumah aman selama dua minggu. Korban mengikuti konseling "
    "kelompok dan kegiatan keterampilan menjahit.",
    # Health and psychological care
    "Korban didampingi {worker} untuk pemeriksaan kesehatan di {provider}. Hasil pemeriksaan "
    "umum baik; korban dijadwalkan kontrol ulang bulan depan.",
    "Pemeriksaan visum et repertum dilakukan di {provider} atas permintaan penyidik. {worker} "
    "mendampingi korban selama pemeriksaan.",
    "Sesi konseling psikologis pertama di {provider}. Korban bersedia melanjutkan sesi mingguan.",
    # Law enforcement
    "Korban didampingi {worker} memberikan keterangan (BAP) di {provider}. Penyidik mencatat "
    "keterangan tentang perekrutan oleh {recruiter} dan janji pekerjaan sebagai {sector}.",
    "Pemeriksaan tambahan di {provider} ditunda karena korban belum siap secara emosional. "
    "{worker} berkoordinasi dengan penyidik untuk penjadwalan ulang.",
    "Korban didampingi {worker} dan penasihat hukum dari {provider} menghadiri sidang sebagai "
    "saksi korban. Permohonan restitusi telah diajukan melalui penuntut umum.",
    "Permohonan perlindungan saksi dan korban diajukan ke {provider}. Korban menyetujui "
    "pengajuan setelah {worker} menjelaskan prosesnya.",
    "Korban memutuskan belum melanjutkan proses hukum saat ini. Keputusan korban dihormati "
    "dan dicatat; layanan lain tetap diberikan.",
    # Repatriation
    "Korban tiba dari {destination} dan dijemput oleh {worker} bersama petugas {provider}. "
    "Korban diantar ke {origin} keesokan harinya.",
    "Koordinasi pemulangan dengan {provider}: dokumen perjalanan korban sedang diproses. "
    "Keluarga di {origin} sudah diberi tahu jadwal kepulangan.",
    # Family meeting
    "Pertemuan keluarga difasilitasi oleh {worker} di {origin}. Keluarga sepakat mendukung "
    "pemulihan korban dan memahami risiko berangkat kembali melalui jalur tidak resmi.",
    "Pertemuan dengan keluarga dan aparat desa membahas penerimaan korban di lingkungannya. "
    "Kepala desa berkomitmen mencegah stigma terhadap korban.",
    # Follow-up calls
    "Panggilan tindak lanjut oleh {worker}. Korban menyampaikan kondisinya baik dan sedang "
    "membantu orang tua di kebun.",
    "{worker} mencoba menghubungi korban melalui telepon tetapi tidak tersambung. Akan dicoba "
    "kembali minggu depan atau melalui kader desa.",
    # Reintegration and economic empowerment
    "Rencana reintegrasi disusun bersama korban. Korban ingin tinggal di {origin} dan membuka "
    "usaha kecil; {worker} akan mencari program pendukung.",
    "Korban mengikuti pelatihan pemberdayaan ekonomi (menenun dan pemasaran produk) yang "
    "diselenggarakan oleh {provider}. Korban aktif dan menyelesaikan seluruh sesi.",
    "Korban menerima bantuan modal usaha kecil melalui {provider}. {worker} akan memantau "
    "perkembangan usaha setiap bulan.",
    # Education
    "Korban (usia {age} tahun) didaftarkan kembali ke sekolah dengan dukungan {provider}. "
    "{worker} berkoordinasi dengan wali kelas terkait pendampingan belajar.",
    "Korban mengikuti program kesetaraan Paket B untuk melanjutkan pendidikan yang terputus. "
    "Kehadiran korban dipantau oleh {worker}.",
    # Documentation
    "Korban belum memiliki KTP dan akta kelahiran. {worker} mendampingi korban ke {provider} "
    "untuk pengurusan dokumen kependudukan.",
    # Closure
    "Evaluasi akhir: tujuan rencana intervensi telah tercapai. Kasus diusulkan untuk "
    "terminasi dengan pemantauan jarak jauh selama tiga bulan.",
)

REFERRAL_REASONS: tuple[str, ...] = (
    "Korban memerlukan pemeriksaan kesehatan menyeluruh setelah kembali dari {destination}.",
    "Korban menunjukkan gejala trauma dan memerlukan pendampingan psikologis oleh tenaga "
    "profesional.",
    "Korban membutuhkan tempat tinggal sementara yang aman karena pihak yang merekrutnya masih "
    "berada di sekitar tempat tinggal korban.",
    "Korban bersedia melaporkan dugaan tindak pidana perdagangan orang dan memerlukan "
    "pendampingan selama pemeriksaan oleh penyidik.",
    "Korban memerlukan bantuan hukum untuk mengajukan restitusi atas kerugian selama bekerja "
    "di {destination}.",
    "Korban berusia {age} tahun dan perlu didaftarkan kembali ke sekolah atau program kesetaraan.",
    "Korban belum memiliki dokumen kependudukan (KTP, KK, akta kelahiran) yang diperlukan "
    "untuk mengakses layanan.",
    "Korban memerlukan perlindungan sebagai saksi dan korban selama proses peradilan pidana.",
    "Korban memerlukan fasilitasi pemulangan ke daerah asal dan koordinasi dengan pemerintah desa.",
    "Korban ingin mengikuti pelatihan keterampilan dan memerlukan dukungan modal usaha untuk "
    "pemulihan ekonomi.",
    "Korban sedang hamil dan memerlukan pemeriksaan kehamilan serta pendampingan persalinan.",
    "Korban mengalami luka fisik selama bekerja di {destination} dan memerlukan penanganan "
    "medis lanjutan di {provider}.",
    "Layanan yang dibutuhkan korban berada di luar kewenangan unit kami, sedangkan {provider} "
    "memiliki layanan yang sesuai.",
    "Korban membutuhkan pendampingan rohani dan dukungan komunitas dalam proses reintegrasi.",
    "Keluarga korban memerlukan mediasi agar dapat menerima kembali korban tanpa stigma.",
    "Korban memerlukan penelusuran hak ketenagakerjaan yang belum dibayarkan oleh pemberi "
    "kerja di {destination}.",
    "Korban berusia {age} tahun memerlukan asesmen pengasuhan oleh pekerja sosial sebelum "
    "kembali ke keluarga.",
)

SERVICE_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "complaint_intake": (
        "Penerimaan pengaduan dan pencatatan kronologi awal",
        "Identifikasi awal korban dan penilaian kebutuhan mendesak",
        "Penjangkauan pengaduan dari layanan SAPA 129",
    ),
    "outreach": (
        "Penjangkauan korban di tempat tinggal keluarga",
        "Penjemputan korban bersama aparat desa",
        "Penjangkauan korban di lokasi kerja bersama kepolisian",
    ),
    "case_management": (
        "Penyusunan rencana intervensi bersama korban",
        "Koordinasi layanan antarlembaga dan pembahasan kasus",
        "Pemantauan dan evaluasi rencana intervensi",
    ),
    "health": (
        "Pemeriksaan kesehatan umum",
        "Pemeriksaan visum et repertum",
        "Pemeriksaan kehamilan dan kesehatan reproduksi",
        "Rawat jalan dan kontrol lanjutan",
    ),
    "psychological": (
        "Konseling psikologis individual",
        "Pemeriksaan psikologis oleh psikolog klinis",
        "Konseling kelompok di rumah aman",
    ),
    "legal_aid": (
        "Konsultasi hukum dan penjelasan hak-hak korban",
        "Pendampingan penasihat hukum dalam persidangan",
        "Pendampingan pengajuan permohonan restitusi",
    ),
    "law_enforcement_support": (
        "Pendampingan pemeriksaan (BAP) di kepolisian",
        "Pendampingan korban sebagai saksi di persidangan",
        "Koordinasi dengan penyidik terkait perkembangan perkara",
    ),
    "shelter": (
        "Penempatan sementara di rumah aman",
        "Penyediaan tempat tinggal sementara, makanan, dan kebutuhan dasar",
    ),
    "repatriation": (
        "Penjemputan korban di bandara atau pelabuhan",
        "Pemulangan korban ke daerah asal",
        "Koordinasi pemulangan dengan perwakilan RI dan BP3MI",
    ),
    "social_rehabilitation": (
        "Bimbingan sosial dan pemulihan di balai rehabilitasi sosial",
        "Pendampingan pemulihan sosial oleh pekerja sosial",
    ),
    "reintegration": (
        "Persiapan penerimaan korban oleh keluarga dan masyarakat",
        "Pendampingan reintegrasi sosial setelah kepulangan",
    ),
    "economic_empowerment": (
        "Pelatihan keterampilan kerja",
        "Bantuan modal usaha kecil",
        "Pendampingan usaha dan pemasaran produk",
    ),
    "education": (
        "Pendaftaran kembali ke sekolah",
        "Fasilitasi program kesetaraan Paket A/B/C",
        "Bantuan perlengkapan sekolah",
    ),
    "documentation": (
        "Pengurusan KTP dan Kartu Keluarga",
        "Pengurusan akta kelahiran",
        "Pengurusan dokumen perjalanan",
    ),
    "mediation": (
        "Mediasi keluarga",
        "Mediasi dengan pemberi kerja terkait hak upah",
    ),
    "other": (
        "Bantuan transportasi",
        "Bantuan kebutuhan dasar",
        "Layanan lain sesuai kebutuhan korban",
    ),
}

SERVICE_OUTCOMES: tuple[str, ...] = (
    "Selesai",
    "Sedang berjalan",
    "Tercapai sesuai rencana",
    "Tercapai sebagian",
    "Dirujuk lanjut",
    "Dijadwalkan ulang",
    "Menunggu tanggapan penyedia layanan",
    "Korban menolak layanan",
    "Korban tidak dapat dihubungi",
    "Dibatalkan",
    "Korban pindah domisili",
    "Dokumen telah terbit",
)

# --------------------------------------------------------------------------------------
# Providers and staff
# --------------------------------------------------------------------------------------

PROVIDER_NAME_PATTERNS: dict[str, tuple[str, ...]] = {
    "hospital": ("RSUD {place}", "RS Bhayangkara {place}", "Rumah Sakit Umum Daerah {place}"),
    "health_centre": ("Puskesmas {place}", "UPTD Puskesmas {place}", "Puskesmas Pembantu {place}"),
    "police_ppa_unit": ("Unit PPA Polres {place}", "Unit PPA Polresta {place}"),
    "prosecutor": ("Kejaksaan Negeri {place}", "Kejaksaan Tinggi {place}"),
    "court": ("Pengadilan Negeri {place}", "Pengadilan Tinggi {place}"),
    "legal_aid": ("LBH APIK {place}", "LBH {place}", "Pos Bantuan Hukum {place}"),
    "shelter": ("Rumah Aman {place}", "RPTC {place}", "RPSA {place}"),
    "social_affairs": ("Dinas Sosial {place}", "Dinas Sosial Provinsi {place}"),
    "migrant_worker_agency": ("BP3MI {place}", "LTSA PMI {place}", "P4MI {place}"),
    "lpsk": ("LPSK Perwakilan {place}", "Kantor Perwakilan LPSK {place}"),
    "ngo": (
        "Yayasan Peduli Perempuan dan Anak {place}",
        "Lembaga Pendamping Korban {place}",
        "Forum Peduli Pekerja Migran {place}",
    ),
    "religious_or_community": (
        "Paroki Santo Yosef {place}",
        "Jemaat GMIT {place}",
        "Majelis Taklim Al-Ikhlas {place}",
        "Komunitas Peduli Migran {place}",
    ),
    "village_government": ("Pemerintah Desa {place}", "Kantor Desa {place}", "Kelurahan {place}"),
    "other": (
        "Dinas Kependudukan dan Pencatatan Sipil {place}",
        "Dinas Pendidikan {place}",
        "Dinas Tenaga Kerja {place}",
        "Balai Latihan Kerja {place}",
    ),
}

# Whom a letter to each kind of provider is addressed to ("Yth. Direktur ...").
PROVIDER_CONTACT_TITLES: dict[str, str] = {
    "hospital": "Direktur",
    "health_centre": "Kepala Puskesmas",
    "police_ppa_unit": "Kepala Unit PPA",
    "prosecutor": "Kepala Kejaksaan Negeri",
    "court": "Ketua Pengadilan Negeri",
    "legal_aid": "Direktur",
    "shelter": "Kepala",
    "social_affairs": "Kepala Dinas Sosial",
    "migrant_worker_agency": "Kepala Balai",
    "lpsk": "Ketua",
    "ngo": "Ketua Yayasan",
    "religious_or_community": "Ketua",
    "village_government": "Kepala Desa",
}
# Regions of the demo places (Kemendagri codes).
PLACE_REGIONS: dict[str, str] = {
    "Kupang": "53.71",
    "Atambua": "53.04",
    "Soe": "53.02",
    "Waingapu": "53.11",
    "Ende": "53.08",
}

WORKER_NAMES: tuple[str, ...] = (
    "Maria Goreti Seran",
    "Yohana Lakapu",
    "Dewi Anggraini",
    "Agustina Nahak",
    "Fransiskus Bili",
    "Rina Susanti",
    "Asep Sukmana",
    "Nurhayati Siregar",
    "Theresia Tefa",
    "Melkianus Ndun",
    "Siti Rahmawati",
    "Yuliana Manafe",
    "Hendrik Fanggidae",
    "Sukmawati Pallawa",
    "Rosmawati Simanjuntak",
    "Ni Kadek Ayu Lestari",
)

# --------------------------------------------------------------------------------------
# The case journey (issue 22): assessments, plans, the criminal case, returns
# --------------------------------------------------------------------------------------

ASSESSMENT_FINDINGS: tuple[str, ...] = (
    "Korban tampak cemas dan sulit tidur sejak kembali; belum mau bertemu keluarga besar.",
    "Korban mengeluh nyeri punggung dan kurang gizi; perlu pemeriksaan di puskesmas.",
    "Keluarga menerima korban kembali, tetapi ada utang kepada perekrut yang belum lunas.",
    "Korban putus sekolah selama di tempat kerja dan ingin melanjutkan paket B.",
    "KTP dan KK korban ditahan agen; perlu pengurusan dokumen kependudukan baru.",
    "Korban bersedia memberi keterangan kepada polisi bila didampingi pendamping hukum.",
    "Korban takut pada perekrut yang tinggal di desa yang sama; perlu rencana keamanan.",
    "Korban ingin bekerja kembali dan tertarik pada pelatihan menjahit atau tata boga.",
)

PLAN_GOALS: dict[str, tuple[str, ...]] = {
    "physical_health": ("Pemeriksaan dan pengobatan sampai pulih",),
    "mental_health": ("Konseling psikologis rutin sampai gejala trauma berkurang",),
    "safety": ("Rencana keamanan disepakati dan korban tinggal di tempat aman",),
    "legal": ("Pendampingan hukum sampai putusan, termasuk pengajuan restitusi",),
    "livelihood": ("Pelatihan keterampilan dan modal usaha kecil",),
    "education": ("Korban kembali bersekolah atau ikut kejar paket",),
    "family_and_care": ("Mediasi dengan keluarga dan pengasuhan yang aman",),
    "shelter": ("Tempat tinggal sementara di rumah aman sampai reunifikasi",),
    "civil_documents": ("KTP, KK dan akta kelahiran korban diterbitkan",),
    "social_reintegration": ("Korban diterima kembali oleh keluarga dan lingkungan desa",),
}

POLICE_UNITS: tuple[str, ...] = (
    "Unit PPA Satreskrim Polresta Kupang Kota",
    "Unit PPA Satreskrim Polres Kupang",
    "Subdit IV Renakta Ditreskrimum Polda NTT",
    "Unit PPA Satreskrim Polres Timor Tengah Selatan",
)
PROSECUTORS: tuple[str, ...] = ("Kejaksaan Negeri Kota Kupang", "Kejaksaan Tinggi NTT")
COURT = "Pengadilan Negeri Kupang"
APPEAL_COURT = "Pengadilan Tinggi Kupang"
SUPREME_COURT = "Mahkamah Agung"
RESTITUTION_BY: tuple[str, ...] = ("Korban melalui pendamping", "LPSK", "Penuntut umum")
RETURN_NOTES: tuple[str, ...] = (
    "",
    "Dipulangkan bersama rombongan PMI terkendala.",
    "Dijemput keluarga di pelabuhan; serah terima di kantor Dinas Sosial.",
)
INCIDENT_PLACE = "Pelabuhan Tunon Taka, Nunukan"
INCIDENT_NOTE = (
    "Deportasi 40 PMI dari Tawau, Sabah (Malaysia) lewat Nunukan; diterima BP3MI Kalimantan "
    "Utara, dipulangkan ke NTT bersama BP3MI NTT dan Dinas Sosial."
)
