<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
  <context>
    <name>AddUserDialog</name>
    <message>
      <source>Add user</source>
      <translation>Tambah pengguna</translation>
    </message>
    <message>
      <source>e.g. dewi.lestari</source>
      <translation>mis. dewi.lestari</translation>
    </message>
    <message>
      <source>The username is what the user types to sign in: lower-case letters, digits, dots and dashes. Give them the password in person; they can change it later with File &gt; Change my password.</source>
      <translation>Nama pengguna adalah yang diketik pengguna untuk masuk: huruf kecil, angka, titik, dan garis. Berikan kata sandinya secara langsung; pengguna dapat menggantinya nanti lewat Berkas &gt; Ganti kata sandi saya.</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>Nama pengguna</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nama lengkap</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Peran</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>Ulangi kata sandi</translation>
    </message>
    <message>
      <source>Adding the user…</source>
      <translation>Menambahkan pengguna…</translation>
    </message>
  </context>
  <context>
    <name>AdminPage</name>
    <message>
      <source>First administrator</source>
      <translation>Administrator pertama</translation>
    </message>
    <message>
      <source>This person sets up the office and adds the other users. Use at least 8 characters for the password.</source>
      <translation>Orang ini mengatur kantor dan menambahkan pengguna lain. Gunakan paling sedikit 8 karakter untuk kata sandi.</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>Nama pengguna</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nama lengkap</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>Ulangi kata sandi</translation>
    </message>
    <message>
      <source>The password is too short: use at least 8 characters.</source>
      <translation>Kata sandi terlalu pendek: gunakan paling sedikit 8 karakter.</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>Kedua kata sandi berbeda.</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>TipDesk demo</source>
      <translation>Demo TipDesk</translation>
    </message>
    <message>
      <source>Making synthetic demo cases…</source>
      <translation>Membuat kasus demo sintetis…</translation>
    </message>
  </context>
  <context>
    <name>AskK</name>
    <message>
      <source>Anonymised export</source>
      <translation>Ekspor anonim</translation>
    </message>
    <message>
      <source>Each combination of year, sex, age band, citizenship, province of origin and country of exploitation will be shared by at least k cases. CTDC publishes with k = 11.</source>
      <translation>Setiap kombinasi tahun, jenis kelamin, kelompok umur, kewarganegaraan, provinsi asal dan negara eksploitasi akan dimiliki sedikitnya k kasus. CTDC menerbitkan dengan k = 11.</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Ekspor…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>AuditText</name>
    <message>
      <source>User</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Orang</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Letter</source>
      <translation>Surat</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Lembaga layanan</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Asesmen</translation>
    </message>
    <message>
      <source>Plan goal</source>
      <translation>Tujuan rencana</translation>
    </message>
    <message>
      <source>Legal step</source>
      <translation>Tahap hukum</translation>
    </message>
    <message>
      <source>Restitution</source>
      <translation>Restitusi</translation>
    </message>
    <message>
      <source>LPSK request</source>
      <translation>Permohonan LPSK</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Reintegration check-up</source>
      <translation>Kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Kejadian</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Dokumen</translation>
    </message>
    <message>
      <source>SIMFONI-PPA entry</source>
      <translation>Catatan SIMFONI-PPA</translation>
    </message>
    <message>
      <source>fields</source>
      <translation>kolom</translation>
    </message>
    <message>
      <source>role</source>
      <translation>peran</translation>
    </message>
    <message>
      <source>from</source>
      <translation>dari</translation>
    </message>
    <message>
      <source>to</source>
      <translation>menjadi</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>alasan</translation>
    </message>
    <message>
      <source>failed attempts</source>
      <translation>percobaan gagal</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>jenis</translation>
    </message>
    <message>
      <source>size</source>
      <translation>ukuran</translation>
    </message>
    <message>
      <source>cases</source>
      <translation>kasus</translation>
    </message>
    <message>
      <source>records</source>
      <translation>data</translation>
    </message>
    <message>
      <source>documents</source>
      <translation>dokumen</translation>
    </message>
    <message>
      <source>re-key</source>
      <translation>ganti kunci</translation>
    </message>
    <message>
      <source>format</source>
      <translation>format</translation>
    </message>
    <message>
      <source>number</source>
      <translation>nomor</translation>
    </message>
    <message>
      <source>sent without recorded consent</source>
      <translation>dikirim tanpa persetujuan tercatat</translation>
    </message>
    <message>
      <source>includes the person's identity</source>
      <translation>memuat identitas orang tersebut</translation>
    </message>
    <message>
      <source>check code</source>
      <translation>kode periksa</translation>
    </message>
    <message>
      <source>backup made</source>
      <translation>cadangan dibuat</translation>
    </message>
    <message>
      <source>backup format</source>
      <translation>format cadangan</translation>
    </message>
    <message>
      <source>with the recovery code</source>
      <translation>dengan kode pemulihan</translation>
    </message>
    <message>
      <source>next change number</source>
      <translation>nomor perubahan berikutnya</translation>
    </message>
    <message>
      <source>letters</source>
      <translation>surat</translation>
    </message>
    <message>
      <source>conflicts</source>
      <translation>konflik</translation>
    </message>
    <message>
      <source>first change</source>
      <translation>perubahan pertama</translation>
    </message>
    <message>
      <source>last change</source>
      <translation>perubahan terakhir</translation>
    </message>
    <message>
      <source>changes applied</source>
      <translation>perubahan diterapkan</translation>
    </message>
    <message>
      <source>changes merged</source>
      <translation>perubahan digabung</translation>
    </message>
    <message>
      <source>cases deleted</source>
      <translation>kasus dihapus</translation>
    </message>
    <message>
      <source>in</source>
      <translation>di</translation>
    </message>
    <message>
      <source>goals</source>
      <translation>tujuan</translation>
    </message>
    <message>
      <source>newly approved</source>
      <translation>baru disetujui</translation>
    </message>
    <message>
      <source>incident</source>
      <translation>kejadian</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>manual</translation>
    </message>
    <message>
      <source>daily</source>
      <translation>harian</translation>
    </message>
    <message>
      <source>the analysis copy</source>
      <translation>salinan analisis</translation>
    </message>
    <message>
      <source>the person asked</source>
      <translation>permintaan orang tersebut</translation>
    </message>
    <message>
      <source>a legal order</source>
      <translation>perintah hukum</translation>
    </message>
    <message>
      <source>entered by mistake</source>
      <translation>salah dicatat</translation>
    </message>
    <message>
      <source>many cases deleted at once</source>
      <translation>banyak kasus dihapus sekaligus</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ya</translation>
    </message>
    <message>
      <source>no</source>
      <translation>tidak</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Waktu</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Tindakan</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Rincian</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>Audit trail</source>
      <translation>Jejak audit</translation>
    </message>
    <message>
      <source>Who did what in this register, newest first: sign-ins, cases opened and changed, letters, batches, backups and user changes. Each entry is chained to the one before it, so a removed or altered entry shows in the register check.</source>
      <translation>Siapa melakukan apa di register ini, terbaru di atas: masuk, kasus dibuka dan diubah, surat, paket, cadangan, dan perubahan pengguna. Setiap catatan terkait dengan catatan sebelumnya, sehingga catatan yang dihapus atau diubah terlihat saat register diperiksa.</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>Nomor kasus</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>Nama pengguna</translation>
    </message>
    <message>
      <source>All actions</source>
      <translation>Semua tindakan</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Hapus filter</translation>
    </message>
    <message>
      <source>Show older entries</source>
      <translation>Tampilkan catatan lebih lama</translation>
    </message>
    <message>
      <source>No entries match.</source>
      <translation>Tidak ada catatan yang cocok.</translation>
    </message>
    <message>
      <source>{count} entries, newest first</source>
      <translation>{count} catatan, terbaru di atas</translation>
    </message>
    <message>
      <source> (older ones follow)</source>
      <translation> (masih ada yang lebih lama)</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>TipDesk backups (*.tipbackup);;All files (*)</source>
      <translation>Cadangan TipDesk (*.tipbackup);;Semua berkas (*)</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Cadangkan sekarang</translation>
    </message>
    <message>
      <source>Where to save the backup (e.g. a USB drive)</source>
      <translation>Tempat menyimpan cadangan (mis. flashdisk)</translation>
    </message>
    <message>
      <source>Writing the backup…</source>
      <translation>Menulis cadangan…</translation>
    </message>
    <message>
      <source>The backup could not be written in {folder}: the drive may be full, write-protected or removed. Try again, or choose another place.</source>
      <translation>Cadangan tidak dapat ditulis di {folder}: mungkin penyimpanannya penuh, dilindungi dari penulisan, atau dicabut. Coba lagi, atau pilih tempat lain.</translation>
    </message>
    <message>
      <source>The backup is written:
{path}

It is encrypted like the register and opens only with the password of one of its users or with the register's recovery code. Keep it away from this laptop, e.g. locked in a drawer.</source>
      <translation>Cadangan sudah ditulis:
{path}

Cadangan ini terenkripsi seperti registernya dan hanya dapat dibuka dengan kata sandi salah satu penggunanya atau dengan kode pemulihan register. Simpan terpisah dari laptop ini, mis. di laci terkunci.</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
      <source>The backup is restored as a register of its own in:
{folder}

To work in it, quit TipDesk, start it again and choose that folder when signing in. The register open now is unchanged.</source>
      <translation>Cadangan dipulihkan sebagai register tersendiri di:
{folder}

Untuk bekerja di dalamnya, tutup TipDesk, jalankan lagi, lalu pilih folder itu saat masuk. Register yang terbuka sekarang tidak berubah.</translation>
    </message>
  </context>
  <context>
    <name>CandidatesModel</name>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Register number</source>
      <translation>Nomor registrasi</translation>
    </message>
    <message>
      <source>Birth date / age</source>
      <translation>Tanggal lahir / umur</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Why it may be the same person</source>
      <translation>Mengapa mungkin orang yang sama</translation>
    </message>
    <message>
      <source>Same NIK</source>
      <translation>NIK sama</translation>
    </message>
    <message>
      <source>Similar name</source>
      <translation>Nama mirip</translation>
    </message>
    <message>
      <source>about {age} years</source>
      <translation>sekitar {age} tahun</translation>
    </message>
  </context>
  <context>
    <name>CaseFileWidget</name>
    <message>
      <source>Unsaved changes</source>
      <translation>Ada perubahan yang belum disimpan</translation>
    </message>
    <message>
      <source>Undo changes</source>
      <translation>Batalkan perubahan</translation>
    </message>
    <message>
      <source>Show the case file as last saved</source>
      <translation>Tampilkan berkas kasus seperti terakhir disimpan</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Save the person and the case (Ctrl+S)</source>
      <translation>Simpan data korban dan kasus (Ctrl+S)</translation>
    </message>
    <message>
      <source>New case for this person…</source>
      <translation>Kasus baru untuk orang ini…</translation>
    </message>
    <message>
      <source>The person comes back: a new case, her registered details kept</source>
      <translation>Orang ini datang lagi: kasus baru, data dirinya yang tercatat tetap</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Korban</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Referrals</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Dokumen</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Riwayat</translation>
    </message>
    <message>
      <source>Person's rights</source>
      <translation>Hak data pribadi</translation>
    </message>
    <message>
      <source>A copy of everything held about the person, or erasing it, when the person asks (supervisors)</source>
      <translation>Salinan seluruh data tentang orang ini, atau penghapusannya, bila orang tersebut memintanya (supervisor)</translation>
    </message>
    <message>
      <source>Export person's data…</source>
      <translation>Ekspor data orang…</translation>
    </message>
    <message>
      <source>Erase person…</source>
      <translation>Hapus data orang…</translation>
    </message>
    <message>
      <source>Add service…</source>
      <translation>Tambah layanan…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Ubah…</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>Hapus…</translation>
    </message>
    <message>
      <source>Remove a service entered by mistake. A service that was declined or could not be given stays, with that status.</source>
      <translation>Hapus layanan yang salah dicatat. Layanan yang ditolak atau tidak dapat diberikan tetap dicatat, dengan status itu.</translation>
    </message>
    <message>
      <source>Preview the referral letter, issue it with a number, print it or save it</source>
      <translation>Pratinjau surat rujukan, terbitkan dengan nomor, cetak atau simpan</translation>
    </message>
    <message>
      <source>Record reply…</source>
      <translation>Catat balasan…</translation>
    </message>
    <message>
      <source>Record what the provider answered to the letter, and when to follow up</source>
      <translation>Catat jawaban penyedia layanan atas surat, dan kapan ditindaklanjuti</translation>
    </message>
    <message>
      <source>Who opened or changed this case</source>
      <translation>Siapa yang membuka atau mengubah kasus ini</translation>
    </message>
    <message>
      <source>Save or undo the changes first.</source>
      <translation>Simpan atau batalkan perubahan dulu.</translation>
    </message>
    <message>
      <source>Transfer requested.</source>
      <translation>Pelimpahan diajukan.</translation>
    </message>
    <message>
      <source>The case is handed over.</source>
      <translation>Kasus sudah dilimpahkan.</translation>
    </message>
    <message>
      <source>The case is this office's now.</source>
      <translation>Kasus ini sekarang milik kantor ini.</translation>
    </message>
    <message>
      <source>Nobody has opened this case yet.</source>
      <translation>Belum ada yang membuka kasus ini.</translation>
    </message>
    <message>
      <source>This is a read-only copy: only {office} can change the case.</source>
      <translation>Ini salinan hanya-baca: hanya {office} yang dapat mengubah kasus ini.</translation>
    </message>
    <message>
      <source>Choose the service to remove first.</source>
      <translation>Pilih dulu layanan yang akan dihapus.</translation>
    </message>
    <message>
      <source>Service removed.</source>
      <translation>Layanan dihapus.</translation>
    </message>
    <message>
      <source>The person's data is saved as {path}. The file is not encrypted.</source>
      <translation>Data orang disimpan sebagai {path}. Berkas ini tidak terenkripsi.</translation>
    </message>
    <message>
      <source>Add referral…</source>
      <translation>Tambah rujukan…</translation>
    </message>
    <message>
      <source>Transfer…</source>
      <translation>Limpahkan…</translation>
    </message>
    <message>
      <source>Transfer to another office: hand the person and all of their cases to another office of the province (pelimpahan), with a reason (supervisors)</source>
      <translation>Limpahkan ke kantor lain: serahkan orang ini dan semua kasusnya ke kantor lain di provinsi, dengan alasan (supervisor)</translation>
    </message>
    <message>
      <source>Letter…</source>
      <translation>Surat…</translation>
    </message>
    <message>
      <source>Add note…</source>
      <translation>Tambah catatan…</translation>
    </message>
    <message>
      <source>{age} years</source>
      <translation>{age} tahun</translation>
    </message>
    <message>
      <source>Other cases of this person: {links}</source>
      <translation>Kasus lain orang ini: {links}</translation>
    </message>
    <message>
      <source>The history of changes is not available in this version.</source>
      <translation>Riwayat perubahan belum tersedia di versi ini.</translation>
    </message>
    <message>
      <source>No changes recorded yet.</source>
      <translation>Belum ada perubahan yang tercatat.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Tersimpan.</translation>
    </message>
  </context>
  <context>
    <name>CaseFileWindow</name>
    <message>
      <source>Case {number} — TipDesk</source>
      <translation>Kasus {number} — TipDesk</translation>
    </message>
  </context>
  <context>
    <name>CaseListModel</name>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Register no.</source>
      <translation>No. register</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Jenis kelamin</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>Usia</translation>
    </message>
    <message>
      <source>Exploitation</source>
      <translation>Eksploitasi</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>Petugas</translation>
    </message>
    <message>
      <source>Last update</source>
      <translation>Terakhir diubah</translation>
    </message>
    <message>
      <source>Next follow-up</source>
      <translation>Tindak lanjut</translation>
    </message>
    <message>
      <source>same person</source>
      <translation>orang yang sama</translation>
    </message>
  </context>
  <context>
    <name>CasesBehindDialog</name>
    <message>
      <source>{n} cases</source>
      <translation>{n} kasus</translation>
    </message>
    <message>
      <source> (the first {n})</source>
      <translation> ({n} yang pertama)</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Initials</source>
      <translation>Inisial</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Jenis kelamin</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>Umur</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>Names are not shown to your role, and cases cannot be opened from here.</source>
      <translation>Nama tidak ditampilkan untuk peran Anda, dan kasus tidak dapat dibuka dari sini.</translation>
    </message>
  </context>
  <context>
    <name>ConfirmAccept</name>
    <message>
      <source>Accept transfer</source>
      <translation>Terima pelimpahan</translation>
    </message>
    <message>
      <source>Accept the transfer of case {number} from {office}? This office becomes the owner of the person and of their cases ({count} in all).</source>
      <translation>Terima pelimpahan kasus {number} dari {office}? Kantor ini menjadi pemilik data orang ini dan kasus-kasusnya ({count} seluruhnya).</translation>
    </message>
  </context>
  <context>
    <name>ConfirmRemoval</name>
    <message>
      <source>Remove service</source>
      <translation>Hapus layanan</translation>
    </message>
    <message>
      <source>Remove this service from the case?</source>
      <translation>Hapus layanan ini dari kasus?</translation>
    </message>
  </context>
  <context>
    <name>DateEditor</name>
    <message>
      <source>DD/MM/YYYY</source>
      <translation>HH/BB/TTTT</translation>
    </message>
    <message>
      <source>Choose a date from the calendar</source>
      <translation>Pilih tanggal dari kalender</translation>
    </message>
  </context>
  <context>
    <name>DeclineDialog</name>
    <message>
      <source>Decline transfer</source>
      <translation>Tolak pelimpahan</translation>
    </message>
    <message>
      <source>The case {number} stays with the office that asked, unchanged, and this register drops its copy. The reason is sent to that office.</source>
      <translation>Kasus {number} tetap di kantor yang mengajukan, tanpa perubahan, dan register ini membuang salinannya. Alasannya dikirim ke kantor itu.</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>Decline</source>
      <translation>Tolak</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>DocumentDialog</name>
    <message>
      <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.webp)</source>
      <translation>Pindaian dan foto (*.pdf *.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
      <source>{subject} (removed)</source>
      <translation>{subject} (sudah dihapus)</translation>
    </message>
    <message>
      <source>Attach a document</source>
      <translation>Lampirkan dokumen</translation>
    </message>
    <message>
      <source>Edit document</source>
      <translation>Ubah dokumen</translation>
    </message>
    <message>
      <source>Choose a PDF, JPEG, PNG or WebP file</source>
      <translation>Pilih berkas PDF, JPEG, PNG atau WebP</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>File *</source>
      <translation>Berkas *</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Kind of document *</source>
      <translation>Jenis dokumen *</translation>
    </message>
    <message>
      <source>Date of the document</source>
      <translation>Tanggal dokumen</translation>
    </message>
    <message>
      <source>Attached to</source>
      <translation>Dilampirkan pada</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Keterangan</translation>
    </message>
    <message>
      <source>Scale down large photos</source>
      <translation>Perkecil foto yang besar</translation>
    </message>
    <message>
      <source>A photo larger than 2000 pixels is kept smaller, still legible, and without the place where it was taken. PDF files are kept as they are. The choice is remembered.</source>
      <translation>Foto yang lebih besar dari 2000 piksel disimpan lebih kecil, tetap terbaca, dan tanpa keterangan tempat foto itu diambil. Berkas PDF disimpan apa adanya. Pilihan ini diingat.</translation>
    </message>
    <message>
      <source>Choose the file to attach</source>
      <translation>Pilih berkas yang akan dilampirkan</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Semua berkas (*)</translation>
    </message>
    <message>
      <source>Choose the file to attach.</source>
      <translation>Pilih dulu berkas yang akan dilampirkan.</translation>
    </message>
    <message>
      <source>Attaching {name}…</source>
      <translation>Melampirkan {name}…</translation>
    </message>
    <message>
      <source>The file could not be read: {reason}</source>
      <translation>Berkas tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
      <source>Remove document</source>
      <translation>Hapus dokumen</translation>
    </message>
    <message>
      <source>Remove this document from the case?</source>
      <translation>Hapus dokumen ini dari kasus?</translation>
    </message>
    <message>
      <source>Its contents are destroyed in this register now, and in every office that has it once the removal is synced. This cannot be undone.</source>
      <translation>Isinya langsung dimusnahkan di register ini, dan di setiap kantor yang memilikinya setelah penghapusan ini disinkronkan. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>A saved copy is not encrypted and shows data about a victim. Keep it only where people who are not authorised cannot read it, and delete it when it is no longer needed.</source>
      <translation>Salinan yang disimpan tidak terenkripsi dan memuat data korban. Simpan hanya di tempat yang tidak dapat dibaca oleh orang yang tidak berwenang, dan hapus bila sudah tidak diperlukan.</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>Simpan salinan</translation>
    </message>
    <message>
      <source>Save this document as an unencrypted file?</source>
      <translation>Simpan dokumen ini sebagai berkas yang tidak terenkripsi?</translation>
    </message>
    <message>
      <source>Choose where…</source>
      <translation>Pilih lokasi…</translation>
    </message>
    <message>
      <source>Save a copy of the document</source>
      <translation>Simpan salinan dokumen</translation>
    </message>
    <message>
      <source>The copy was not saved in {folder}: {reason}</source>
      <translation>Salinan tidak tersimpan di {folder}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>DocumentViewer</name>
    <message>
      <source>Document: {title}</source>
      <translation>Dokumen: {title}</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Perkecil</translation>
    </message>
    <message>
      <source>Smaller (Ctrl+-)</source>
      <translation>Lebih kecil (Ctrl+-)</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Perbesar</translation>
    </message>
    <message>
      <source>Larger (Ctrl++)</source>
      <translation>Lebih besar (Ctrl++)</translation>
    </message>
    <message>
      <source>Fit to window</source>
      <translation>Muat di jendela</translation>
    </message>
    <message>
      <source>The whole page in the window (Ctrl+0)</source>
      <translation>Seluruh halaman dalam jendela (Ctrl+0)</translation>
    </message>
    <message>
      <source>Rotate</source>
      <translation>Putar</translation>
    </message>
    <message>
      <source>Turn a quarter to the right (Ctrl+R)</source>
      <translation>Putar seperempat ke kanan (Ctrl+R)</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <source>of {count}</source>
      <translation>dari {count}</translation>
    </message>
    <message>
      <source>This document cannot be shown: its contents are damaged or of a kind TipDesk cannot draw. Save a copy to open it with another program.</source>
      <translation>Dokumen ini tidak dapat ditampilkan: isinya rusak atau jenisnya tidak dapat digambar oleh TipDesk. Simpan salinannya untuk membukanya dengan program lain.</translation>
    </message>
  </context>
  <context>
    <name>DocumentsBox</name>
    <message>
      <source>Attach documents</source>
      <translation>Lampirkan dokumen</translation>
    </message>
    <message>
      <source>Print the attached documents after the letter</source>
      <translation>Cetak dokumen lampiran setelah surat</translation>
    </message>
    <message>
      <source>Ticked documents are listed in the letter by kind and date, and counted in its Lampiran.</source>
      <translation>Dokumen yang dicentang dicantumkan dalam surat menurut jenis dan tanggalnya, dan dihitung pada Lampiran.</translation>
    </message>
    <message>
      <source>This case has no documents to attach. Add them on the Documents tab.</source>
      <translation>Kasus ini belum memiliki dokumen untuk dilampirkan. Tambahkan pada tab Dokumen.</translation>
    </message>
    <message>
      <source>undated</source>
      <translation>tanpa tanggal</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Dokumen</translation>
    </message>
  </context>
  <context>
    <name>DocumentsModel</name>
    <message>
      <source>Kind</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Tanggal</translation>
    </message>
    <message>
      <source>Attached to</source>
      <translation>Dilampirkan pada</translation>
    </message>
    <message>
      <source>File type</source>
      <translation>Jenis berkas</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukuran</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Keterangan</translation>
    </message>
  </context>
  <context>
    <name>DocumentsTab</name>
    <message>
      <source>Attach…</source>
      <translation>Lampirkan…</translation>
    </message>
    <message>
      <source>Attach a scan or a photo (PDF, JPEG, PNG, WebP), or drop files here. It is kept encrypted in the register.</source>
      <translation>Lampirkan pindaian atau foto (PDF, JPEG, PNG, WebP), atau seret berkas ke sini. Berkasnya disimpan terenkripsi di register.</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Lihat</translation>
    </message>
    <message>
      <source>Show the document (Enter or double click)</source>
      <translation>Tampilkan dokumen (Enter atau klik ganda)</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Ubah…</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>Simpan salinan…</translation>
    </message>
    <message>
      <source>Save the document as a plain file, not encrypted, where you choose</source>
      <translation>Simpan dokumen sebagai berkas biasa, tidak terenkripsi, di tempat yang Anda pilih</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>Hapus…</translation>
    </message>
    <message>
      <source>Destroy the document here and, once synced, in every other office</source>
      <translation>Musnahkan dokumen di sini dan, setelah disinkronkan, di setiap kantor lain</translation>
    </message>
    <message>
      <source>Documents ({count})</source>
      <translation>Dokumen ({count})</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Dokumen</translation>
    </message>
    <message>
      <source>No documents yet. Attach a scan or a photo, or drop files here.</source>
      <translation>Belum ada dokumen. Lampirkan pindaian atau foto, atau seret berkas ke sini.</translation>
    </message>
    <message>
      <source>No documents.</source>
      <translation>Tidak ada dokumen.</translation>
    </message>
    <message>
      <source>Attach a document ({number} of {count})</source>
      <translation>Lampirkan dokumen ({number} dari {count})</translation>
    </message>
    <message>
      <source>Document attached.</source>
      <translation>Dokumen dilampirkan.</translation>
    </message>
    <message>
      <source>{count} documents attached.</source>
      <translation>{count} dokumen dilampirkan.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Tersimpan.</translation>
    </message>
    <message>
      <source>A copy is saved as {path}. The file is not encrypted.</source>
      <translation>Salinan disimpan sebagai {path}. Berkas itu tidak terenkripsi.</translation>
    </message>
    <message>
      <source>Document removed.</source>
      <translation>Dokumen dihapus.</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesDialog</name>
    <message>
      <source>Already in the register?</source>
      <translation>Sudah ada di register?</translation>
    </message>
    <message>
      <source>Open this case</source>
      <translation>Buka kasus ini</translation>
    </message>
    <message>
      <source>These people in the register may be the person you are entering. If she is one of them, open one of her cases or give her a new case; otherwise register a new person.</source>
      <translation>Orang-orang di register ini mungkin orang yang sedang Anda catat. Jika ia salah satunya, buka salah satu kasusnya atau buatkan kasus baru untuknya; jika bukan, catat sebagai orang baru.</translation>
    </message>
    <message>
      <source>New case for this person</source>
      <translation>Kasus baru untuk orang ini</translation>
    </message>
    <message>
      <source>The case you typed, for the chosen person: details she lacks are filled in, her registered details are kept</source>
      <translation>Kasus yang Anda ketik, untuk orang yang dipilih: data yang belum ada dilengkapi, data yang sudah tercatat tetap</translation>
    </message>
    <message>
      <source>New person anyway</source>
      <translation>Tetap catat orang baru</translation>
    </message>
    <message>
      <source>Back to the form</source>
      <translation>Kembali ke formulir</translation>
    </message>
    <message>
      <source>Case to open:</source>
      <translation>Kasus yang dibuka:</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesView</name>
    <message>
      <source>{date} ({age} years)</source>
      <translation>{date} ({age} tahun)</translation>
    </message>
    <message>
      <source>about {age} years</source>
      <translation>sekitar {age} tahun</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>First person</source>
      <translation>Orang pertama</translation>
    </message>
    <message>
      <source>Second person</source>
      <translation>Orang kedua</translation>
    </message>
    <message>
      <source>Names alike</source>
      <translation>Kemiripan nama</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Same person as</source>
      <translation>Orang yang sama dengan</translation>
    </message>
    <message>
      <source>Linked on</source>
      <translation>Ditautkan</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Oleh</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Jenis kelamin</translation>
    </message>
    <message>
      <source>Born / age</source>
      <translation>Lahir / umur</translation>
    </message>
    <message>
      <source>NIK</source>
      <translation>NIK</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Wilayah</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Duplicates across offices</source>
      <translation>Duplikat antarkantor</translation>
    </message>
    <message>
      <source>Scan for duplicates</source>
      <translation>Periksa duplikat</translation>
    </message>
    <message>
      <source>Compare every person of every office with those of the other offices (same NIK, or a similar name with a compatible age)</source>
      <translation>Bandingkan setiap orang di setiap kantor dengan orang di kantor lain (NIK sama, atau nama mirip dengan umur yang cocok)</translation>
    </message>
    <message>
      <source>Candidates</source>
      <translation>Kandidat</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Tautan</translation>
    </message>
    <message>
      <source>Same person…</source>
      <translation>Orang yang sama…</translation>
    </message>
    <message>
      <source>Link the two: each office learns the person is registered at the other</source>
      <translation>Tautkan keduanya: setiap kantor tahu orang ini juga tercatat di kantor lain</translation>
    </message>
    <message>
      <source>Not the same</source>
      <translation>Bukan orang yang sama</translation>
    </message>
    <message>
      <source>Two people: the pair is not proposed again</source>
      <translation>Dua orang berbeda: pasangan ini tidak diusulkan lagi</translation>
    </message>
    <message>
      <source>Unlink…</source>
      <translation>Lepas tautan…</translation>
    </message>
    <message>
      <source>{count} pairs may be one person.</source>
      <translation>{count} pasangan mungkin orang yang sama.</translation>
    </message>
    <message>
      <source>No pairs to review. Scan to look again.</source>
      <translation>Tidak ada pasangan untuk ditinjau. Periksa lagi untuk mencari.</translation>
    </message>
    <message>
      <source>{count} links across offices.</source>
      <translation>{count} tautan antarkantor.</translation>
    </message>
    <message>
      <source>No links yet.</source>
      <translation>Belum ada tautan.</translation>
    </message>
    <message>
      <source>Scan done: {count} pairs may be one person.</source>
      <translation>Pemeriksaan selesai: {count} pasangan mungkin orang yang sama.</translation>
    </message>
    <message>
      <source>Scan cancelled; the list is as it was.</source>
      <translation>Pemeriksaan dibatalkan; daftar tetap seperti sebelumnya.</translation>
    </message>
    <message>
      <source>Comparing the persons of every office…</source>
      <translation>Membandingkan orang dari semua kantor…</translation>
    </message>
    <message>
      <source>Linked: {first} and {second} are one person.</source>
      <translation>Ditautkan: {first} dan {second} adalah orang yang sama.</translation>
    </message>
    <message>
      <source>{first} and {second} recorded as two people.</source>
      <translation>{first} dan {second} dicatat sebagai dua orang berbeda.</translation>
    </message>
    <message>
      <source>Unlinked.</source>
      <translation>Tautan dilepas.</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>Enrol an office</source>
      <translation>Daftarkan kantor</translation>
    </message>
    <message>
      <source>Phone {office} and ask them to read out the fingerprint their TipDesk showed when they saved this key file. Type it here; spaces, dashes and small letters do not matter. The office is enrolled only if the fingerprint matches.</source>
      <translation>Telepon {office} dan minta mereka membacakan kode pengaman yang ditampilkan TipDesk mereka saat menyimpan berkas kunci ini. Ketik di sini; spasi, tanda hubung dan huruf kecil tidak berpengaruh. Kantor hanya didaftarkan bila kode pengamannya cocok.</translation>
    </message>
    <message>
      <source>Full case data</source>
      <translation>Data kasus lengkap</translation>
    </message>
    <message>
      <source>De-identified: no names, NIK, contacts, places or notes</source>
      <translation>Tanpa identitas: tanpa nama, NIK, kontak, tempat atau catatan</translation>
    </message>
    <message>
      <source>{office} is already enrolled here. Enrolling this key file replaces the key kept for it.</source>
      <translation>{office} sudah terdaftar di sini. Mendaftarkan berkas kunci ini mengganti kunci yang tersimpan untuknya.</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>Kode pengaman</translation>
    </message>
    <message>
      <source>It receives from us</source>
      <translation>Yang diterimanya dari kita</translation>
    </message>
    <message>
      <source>Enrol</source>
      <translation>Daftarkan</translation>
    </message>
  </context>
  <context>
    <name>EraseDialog</name>
    <message>
      <source>Erase person</source>
      <translation>Hapus data orang</translation>
    </message>
    <message>
      <source>This erases the person of case {number} and everything about them — every case of theirs, services, referrals, notes and the letters' copies — from this register. It cannot be undone. The case numbers and the audit trail stay, without the data.</source>
      <translation>Tindakan ini menghapus orang pada kasus {number} beserta semua datanya — setiap kasusnya, layanan, rujukan, catatan, dan salinan surat — dari register ini. Tidak dapat dibatalkan. Nomor kasus dan jejak audit tetap ada, tanpa datanya.</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>(pilih)</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>Type the case number to confirm</source>
      <translation>Ketik nomor kasus untuk memastikan</translation>
    </message>
    <message>
      <source>Erase</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Erasing the person's data…</source>
      <translation>Menghapus data orang…</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>TipDesk</source>
      <translation>TipDesk</translation>
    </message>
  </context>
  <context>
    <name>ExceptionDialog</name>
    <message>
      <source>Unexpected error</source>
      <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
      <source>TipDesk met an unexpected error. Your saved work is safe; the last action may not have been completed. Please send the details below to your office IT.</source>
      <translation>TipDesk mengalami kesalahan tak terduga. Data yang sudah disimpan aman; tindakan terakhir mungkin belum selesai. Kirimkan rincian di bawah ini kepada petugas TI kantor Anda.</translation>
    </message>
    <message>
      <source>Log file: {path}</source>
      <translation>Berkas log: {path}</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>Salin rincian</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>TipDesk — first start</source>
      <translation>TipDesk — mulai pertama</translation>
    </message>
  </context>
  <context>
    <name>FolderPage</name>
    <message>
      <source>Where to keep the register</source>
      <translation>Tempat menyimpan register</translation>
    </message>
    <message>
      <source>A new, empty folder on this computer. Everything in it is encrypted; back it up with TipDesk, not by copying.</source>
      <translation>Folder baru yang kosong di komputer ini. Semua isinya terenkripsi; cadangkan dengan TipDesk, bukan dengan menyalin.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>Choose a folder</source>
      <translation>Pilih folder</translation>
    </message>
    <message>
      <source>Creating the register</source>
      <translation>Membuat register</translation>
    </message>
    <message>
      <source>Creating the encrypted register…</source>
      <translation>Membuat register terenkripsi…</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>GroupIntakeDialog</name>
    <message>
      <source>Name *</source>
      <translation>Nama *</translation>
    </message>
    <message>
      <source>Sex *</source>
      <translation>Jenis kelamin *</translation>
    </message>
    <message>
      <source>NIK</source>
      <translation>NIK</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telepon</translation>
    </message>
    <message>
      <source>Exploitation</source>
      <translation>Eksploitasi</translation>
    </message>
    <message>
      <source>Already in the register?</source>
      <translation>Sudah terdaftar?</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>Simpan sebagai</translation>
    </message>
    <message>
      <source>Born or age</source>
      <translation>Lahir atau umur</translation>
    </message>
    <message>
      <source>Group intake — {number}</source>
      <translation>Pendaftaran kelompok — {number}</translation>
    </message>
    <message>
      <source>One row per victim. Tab moves to the next cell, Ctrl+Tab out of the table; type or press F2 to edit. Check for duplicates, choose for each row found, then save all at once (Ctrl+S).</source>
      <translation>Satu baris untuk setiap korban. Tab pindah ke sel berikutnya, Ctrl+Tab keluar dari tabel; ketik atau tekan F2 untuk mengubah. Periksa data ganda, pilih untuk setiap baris yang ditemukan, lalu simpan semuanya sekaligus (Ctrl+S).</translation>
    </message>
    <message>
      <source>Add 5 rows</source>
      <translation>Tambah 5 baris</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>Hapus baris</translation>
    </message>
    <message>
      <source>Check for duplicates</source>
      <translation>Periksa data ganda</translation>
    </message>
    <message>
      <source>Save all</source>
      <translation>Simpan semua</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>New person</source>
      <translation>Orang baru</translation>
    </message>
    <message>
      <source>New case for {number} {name}</source>
      <translation>Kasus baru untuk {number} {name}</translation>
    </message>
    <message>
      <source>Skip this row</source>
      <translation>Lewati baris ini</translation>
    </message>
    <message>
      <source>{count} victims</source>
      <translation>{count} korban</translation>
    </message>
    <message>
      <source>{count} rows may be people already registered: choose under Save as.</source>
      <translation>{count} baris mungkin orang yang sudah terdaftar: pilih di kolom Simpan sebagai.</translation>
    </message>
    <message>
      <source>Nobody in these rows is in the register yet.</source>
      <translation>Tidak ada orang di baris-baris ini yang sudah terdaftar.</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Tidak</translation>
    </message>
    <message>
      <source>Rows {rows} may be people already registered: choose under Save as.</source>
      <translation>Baris {rows} mungkin orang yang sudah terdaftar: pilih di kolom Simpan sebagai.</translation>
    </message>
    <message>
      <source>Fill in at least one victim.</source>
      <translation>Isi sekurang-kurangnya satu korban.</translation>
    </message>
    <message>
      <source>Row {row}: {problem}</source>
      <translation>Baris {row}: {problem}</translation>
    </message>
    <message>
      <source>Nothing was saved. Correct these rows and save again:</source>
      <translation>Tidak ada yang disimpan. Perbaiki baris-baris ini lalu simpan lagi:</translation>
    </message>
  </context>
  <context>
    <name>HelpDialogs</name>
    <message>
      <source>Case window: save</source>
      <translation>Jendela kasus: simpan</translation>
    </message>
    <message>
      <source>Case window: close (asks about unsaved changes)</source>
      <translation>Jendela kasus: tutup (menanyakan perubahan yang belum disimpan)</translation>
    </message>
    <message>
      <source>Case window: close</source>
      <translation>Jendela kasus: tutup</translation>
    </message>
    <message>
      <source>Lists: open the chosen case</source>
      <translation>Daftar: buka kasus yang dipilih</translation>
    </message>
    <message>
      <source>Register and Referrals: go to the search box</source>
      <translation>Register dan Rujukan: ke kotak pencarian</translation>
    </message>
    <message>
      <source>Register a victim who comes to the office</source>
      <translation>Mencatat korban yang datang ke kantor</translation>
    </message>
    <message>
      <source>File &gt; New case (Ctrl+N). Type the name and what is known; TipDesk looks for the same person already in the register. If she is there, choose "New case for this person" instead of registering her twice.</source>
      <translation>Berkas &gt; Kasus baru (Ctrl+N). Ketik nama dan yang sudah diketahui; TipDesk mencari orang yang sama di register. Jika ia sudah ada, pilih "Kasus baru untuk orang ini" agar ia tidak tercatat dua kali.</translation>
    </message>
    <message>
      <source>Refer a victim to a service provider</source>
      <translation>Merujuk korban ke penyedia layanan</translation>
    </message>
    <message>
      <source>Open the case, Referrals tab, Add referral…. Choose the provider and the services asked for, then Letter… to preview the official letter. Issuing takes the office's next letter number; TipDesk asks first. The victim's consent is needed before her identity is shared.</source>
      <translation>Buka kasus, tab Rujukan, Tambah rujukan…. Pilih penyedia layanan dan layanan yang diminta, lalu Surat… untuk melihat pratinjau surat resmi. Menerbitkan surat memakai nomor surat kantor berikutnya; TipDesk bertanya dahulu. Persetujuan korban diperlukan sebelum identitasnya dibagikan.</translation>
    </message>
    <message>
      <source>Know what to do today</source>
      <translation>Mengetahui pekerjaan hari ini</translation>
    </message>
    <message>
      <source>Home counts your open cases, follow-ups that are late or due this week, referrals waiting for a reply and this month's new cases. Click a count to see its cases; a red number is late work.</source>
      <translation>Beranda menghitung kasus Anda yang berjalan, tindak lanjut yang terlambat atau jatuh tempo minggu ini, rujukan yang menunggu jawaban dan kasus baru bulan ini. Klik sebuah angka untuk melihat kasusnya; angka merah berarti pekerjaan terlambat.</translation>
    </message>
    <message>
      <source>Send the cases to the provincial office</source>
      <translation>Mengirim kasus ke kantor provinsi</translation>
    </message>
    <message>
      <source>Sync, Export a batch…, to a USB stick. The package is encrypted and signed for the province only. The first time, exchange office keys and compare the security code on the phone.</source>
      <translation>Sinkronisasi, Ekspor paket…, ke flashdisk. Paket dienkripsi dan ditandatangani hanya untuk provinsi. Pada kali pertama, tukarkan kunci kantor dan cocokkan kode pengaman lewat telepon.</translation>
    </message>
    <message>
      <source>Keep the register safe</source>
      <translation>Menjaga register tetap aman</translation>
    </message>
    <message>
      <source>TipDesk makes a backup every day; File &gt; Back up now writes one to a USB stick as well. Lock the app (Ctrl+L) when you leave the laptop; it locks itself after some minutes without use.</source>
      <translation>TipDesk membuat cadangan setiap hari; Berkas &gt; Cadangkan sekarang juga dapat menulisnya ke flashdisk. Kunci aplikasi (Ctrl+L) saat meninggalkan laptop; aplikasi terkunci sendiri setelah beberapa menit tidak dipakai.</translation>
    </message>
    <message>
      <source>Answer a victim who asks for her data or its erasure</source>
      <translation>Menanggapi korban yang meminta datanya atau penghapusannya</translation>
    </message>
    <message>
      <source>Open her case and press "Person's rights" at the top of the case window: a supervisor can export everything about her, or erase it with a reason.</source>
      <translation>Buka kasusnya dan tekan "Hak data pribadi" di bagian atas jendela kasus: supervisor dapat mengekspor semua datanya, atau menghapusnya dengan alasan.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Pintasan papan ketik</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tombol</translation>
    </message>
    <message>
      <source>What they do</source>
      <translation>Fungsinya</translation>
    </message>
    <message>
      <source>How do I…</source>
      <translation>Bagaimana cara…</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <source>When</source>
      <translation>Waktu</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Oleh</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Kolom</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Sebelum</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Sesudah</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Korban</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Asesmen</translation>
    </message>
    <message>
      <source>Plan goal</source>
      <translation>Tujuan rencana</translation>
    </message>
    <message>
      <source>Legal step</source>
      <translation>Tahap hukum</translation>
    </message>
    <message>
      <source>Restitution</source>
      <translation>Restitusi</translation>
    </message>
    <message>
      <source>LPSK request</source>
      <translation>Permohonan LPSK</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Reintegration check-up</source>
      <translation>Kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Kejadian</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Dokumen</translation>
    </message>
    <message>
      <source>SIMFONI-PPA entry</source>
      <translation>Catatan SIMFONI-PPA</translation>
    </message>
    <message>
      <source>created</source>
      <translation>dibuat</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>diubah</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>dihapus</translation>
    </message>
    <message>
      <source>erased</source>
      <translation>dihapus permanen</translation>
    </message>
  </context>
  <context>
    <name>HomeView</name>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Tindak lanjut</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Penyedia layanan</translation>
    </message>
    <message>
      <source>Letter date</source>
      <translation>Tanggal surat</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Risk response overdue</source>
      <translation>Respons risiko terlambat</translation>
    </message>
    <message>
      <source>Biopsychosocial assessment due</source>
      <translation>Asesmen biopsikososial jatuh tempo</translation>
    </message>
    <message>
      <source>Plan review due</source>
      <translation>Tinjauan rencana intervensi jatuh tempo</translation>
    </message>
    <message>
      <source>Restitution not yet requested</source>
      <translation>Restitusi belum dimohonkan</translation>
    </message>
    <message>
      <source>Restitution awarded, not paid</source>
      <translation>Restitusi diputus, belum dibayar</translation>
    </message>
    <message>
      <source>Reintegration check-up due</source>
      <translation>Pemantauan reintegrasi jatuh tempo</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Tenggat</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Jatuh tempo</translation>
    </message>
    <message>
      <source>My open cases</source>
      <translation>Kasus saya yang berjalan</translation>
    </message>
    <message>
      <source>Deadlines</source>
      <translation>Tenggat waktu</translation>
    </message>
    <message>
      <source>Follow-ups due this week</source>
      <translation>Tindak lanjut minggu ini</translation>
    </message>
    <message>
      <source>Referrals to follow up</source>
      <translation>Rujukan perlu ditindaklanjuti</translation>
    </message>
    <message>
      <source>Awaiting a reply</source>
      <translation>Menunggu jawaban</translation>
    </message>
    <message>
      <source>Opened this month</source>
      <translation>Dibuka bulan ini</translation>
    </message>
    <message>
      <source>Letterhead, logo and signatory of the office's letters</source>
      <translation>Kop, logo dan penanda tangan surat kantor</translation>
    </message>
    <message>
      <source>Letter settings…</source>
      <translation>Pengaturan surat…</translation>
    </message>
    <message>
      <source>Service providers the office refers victims to</source>
      <translation>Penyedia layanan tujuan rujukan korban</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation>Penyedia layanan</translation>
    </message>
    <message>
      <source>An account for every colleague who uses TipDesk</source>
      <translation>Akun untuk setiap rekan yang memakai TipDesk</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <source>The provincial office's key, to send it your cases</source>
      <translation>Kunci kantor provinsi, untuk mengirim kasus Anda</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Sinkronisasi</translation>
    </message>
    <message>
      <source>The first case</source>
      <translation>Kasus pertama</translation>
    </message>
    <message>
      <source>New case…</source>
      <translation>Kasus baru…</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>Tindak lanjut terlambat</translation>
    </message>
    <message>
      <source>Follow-ups this week</source>
      <translation>Tindak lanjut minggu ini</translation>
    </message>
    <message>
      <source>Referral follow-ups due</source>
      <translation>Tindak lanjut rujukan jatuh tempo</translation>
    </message>
    <message>
      <source>Referrals awaiting a reply</source>
      <translation>Rujukan menunggu jawaban</translation>
    </message>
    <message>
      <source>Cases opened this month</source>
      <translation>Kasus dibuka bulan ini</translation>
    </message>
    <message>
      <source>Nothing here.</source>
      <translation>Tidak ada.</translation>
    </message>
    <message>
      <source>the first {n}; all of them in the Register</source>
      <translation>{n} yang pertama; semuanya ada di Register</translation>
    </message>
    <message>
      <source>the first {n}, the earliest due</source>
      <translation>{n} yang pertama, yang paling awal jatuh tempo</translation>
    </message>
    <message>
      <source>First steps</source>
      <translation>Langkah pertama</translation>
    </message>
    <message>
      <source>Hide these steps</source>
      <translation>Sembunyikan langkah ini</translation>
    </message>
    <message>
      <source>They come back from the Help menu</source>
      <translation>Dapat ditampilkan lagi dari menu Bantuan</translation>
    </message>
    <message>
      <source>an administrator does this</source>
      <translation>dilakukan oleh administrator</translation>
    </message>
    <message>
      <source>done</source>
      <translation>selesai</translation>
    </message>
    <message>
      <source>to do</source>
      <translation>belum</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Muat ulang</translation>
    </message>
  </context>
  <context>
    <name>IdleMinutesDialog</name>
    <message>
      <source>Lock after</source>
      <translation>Kunci setelah</translation>
    </message>
    <message>
      <source>TipDesk hides its windows and asks for the password again after this many minutes without keyboard or mouse use. Ctrl+L locks at once.</source>
      <translation>TipDesk menyembunyikan jendelanya dan meminta kata sandi lagi setelah sekian menit tanpa penggunaan papan ketik atau tetikus. Ctrl+L langsung mengunci.</translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> menit</translation>
    </message>
    <message>
      <source>Only when I lock it (not recommended)</source>
      <translation>Hanya bila saya menguncinya (tidak disarankan)</translation>
    </message>
  </context>
  <context>
    <name>InboxTab</name>
    <message>
      <source>Only an administrator can accept or discard a held batch.</source>
      <translation>Hanya administrator yang dapat menerima atau membuang paket yang ditahan.</translation>
    </message>
    <message>
      <source>Accept…</source>
      <translation>Terima…</translation>
    </message>
    <message>
      <source>Apply the held batch as it is, after the office that sent it confirmed its deletions</source>
      <translation>Terapkan paket yang ditahan apa adanya, setelah kantor pengirimnya memastikan penghapusannya</translation>
    </message>
    <message>
      <source>Discard…</source>
      <translation>Buang…</translation>
    </message>
    <message>
      <source>Throw the held batch away; nothing of it is applied here</source>
      <translation>Buang paket yang ditahan; tidak ada isinya yang diterapkan di sini</translation>
    </message>
    <message>
      <source>Ask your office's administrator.</source>
      <translation>Hubungi administrator kantor Anda.</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Perubahan</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Diterima</translation>
    </message>
    <message>
      <source>Why it waits</source>
      <translation>Alasan menunggu</translation>
    </message>
    <message>
      <source>no. {first}–{last}</source>
      <translation>no. {first}–{last}</translation>
    </message>
    <message>
      <source>Waits for an earlier batch</source>
      <translation>Menunggu paket sebelumnya</translation>
    </message>
    <message>
      <source>Deletes {deleted} of {cases} cases: held for an administrator</source>
      <translation>Menghapus {deleted} dari {cases} kasus: ditahan untuk administrator</translation>
    </message>
    <message>
      <source>Held for an administrator</source>
      <translation>Ditahan untuk administrator</translation>
    </message>
    <message>
      <source>The batch from {office} deletes {deleted} of the {cases} cases in this register.</source>
      <translation>Paket dari {office} menghapus {deleted} dari {cases} kasus di register ini.</translation>
    </message>
    <message>
      <source>The batch from {office} deletes {deleted} of the {cases} cases of {office} in this register.</source>
      <translation>Paket dari {office} menghapus {deleted} dari {cases} kasus milik {office} di register ini.</translation>
    </message>
    <message>
      <source>The batch from {office} is held for an administrator.</source>
      <translation>Paket dari {office} ditahan untuk administrator.</translation>
    </message>
    <message>
      <source>An administrator must accept or discard it, after asking {office} whether these cases were meant to be deleted.</source>
      <translation>Administrator harus menerima atau membuangnya, setelah menanyakan kepada {office} apakah kasus-kasus ini memang hendak dihapus.</translation>
    </message>
    <message>
      <source>An administrator must accept or discard it.</source>
      <translation>Administrator harus menerima atau membuangnya.</translation>
    </message>
    <message>
      <source>It is held in the inbox and nothing of it has been applied.</source>
      <translation>Paket ini ditahan di inbox dan belum ada isinya yang diterapkan.</translation>
    </message>
    <message>
      <source>This batch from {office} waits for an earlier one that has not arrived here; it is applied by itself when that batch arrives. Ask {office} to export again.</source>
      <translation>Paket dari {office} ini menunggu paket sebelumnya yang belum tiba di sini; paket ini diterapkan otomatis saat paket itu tiba. Minta {office} mengekspor lagi.</translation>
    </message>
    <message>
      <source>Batches wait here until an earlier batch from the same office arrives, or until an administrator accepts or discards a batch that deletes many cases.</source>
      <translation>Paket menunggu di sini sampai paket sebelumnya dari kantor yang sama tiba, atau sampai administrator menerima atau membuang paket yang menghapus banyak kasus.</translation>
    </message>
    <message>
      <source>The inbox is empty. A batch waits here when an earlier batch from the same office has not arrived yet, or when it deletes many cases and an administrator must decide.</source>
      <translation>Inbox kosong. Paket menunggu di sini bila paket sebelumnya dari kantor yang sama belum tiba, atau bila paket itu menghapus banyak kasus dan administrator harus memutuskan.</translation>
    </message>
  </context>
  <context>
    <name>IncidentDialog</name>
    <message>
      <source>New incident</source>
      <translation>Kejadian baru</translation>
    </message>
    <message>
      <source>Incident {number}</source>
      <translation>Kejadian {number}</translation>
    </message>
  </context>
  <context>
    <name>IncidentsView</name>
    <message>
      <source>Handed over {day}</source>
      <translation>Diserahterimakan {day}</translation>
    </message>
    <message>
      <source>Arrived {day}</source>
      <translation>Tiba {day}</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Direncanakan</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Nomor</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Tanggal</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Tempat</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Victims</source>
      <translation>Korban</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Last legal step</source>
      <translation>Tahap hukum terakhir</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Link a case</source>
      <translation>Kaitkan kasus</translation>
    </message>
    <message>
      <source>Case number:</source>
      <translation>Nomor kasus:</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>Kejadian</translation>
    </message>
    <message>
      <source>New incident…</source>
      <translation>Kejadian baru…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Ubah…</translation>
    </message>
    <message>
      <source>Group intake…</source>
      <translation>Pendaftaran kelompok…</translation>
    </message>
    <message>
      <source>Register this incident's victims in one sitting, each checked for duplicates</source>
      <translation>Daftarkan korban kejadian ini sekaligus, masing-masing diperiksa data gandanya</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>Buka kasus</translation>
    </message>
    <message>
      <source>Link a case…</source>
      <translation>Kaitkan kasus…</translation>
    </message>
    <message>
      <source>Unlink</source>
      <translation>Lepaskan kaitan</translation>
    </message>
    <message>
      <source>This case was not brought by this incident</source>
      <translation>Kasus ini tidak berasal dari kejadian ini</translation>
    </message>
    <message>
      <source>No incident recorded yet.</source>
      <translation>Belum ada kejadian yang dicatat.</translation>
    </message>
    <message>
      <source>Victims of {number} ({count})</source>
      <translation>Korban {number} ({count})</translation>
    </message>
    <message>
      <source>{count} more cases of this incident are assigned to other workers.</source>
      <translation>{count} kasus lain dari kejadian ini ditangani pendamping lain.</translation>
    </message>
    <message>
      <source>Incident {number} recorded.</source>
      <translation>Kejadian {number} dicatat.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Tersimpan.</translation>
    </message>
    <message>
      <source>{count} victims registered and linked to {number}.</source>
      <translation>{count} korban didaftarkan dan dikaitkan dengan {number}.</translation>
    </message>
    <message>
      <source>Case {case} linked to {number}.</source>
      <translation>Kasus {case} dikaitkan dengan {number}.</translation>
    </message>
    <message>
      <source>Choose the case to unlink first.</source>
      <translation>Pilih dulu kasus yang akan dilepaskan kaitannya.</translation>
    </message>
    <message>
      <source>Case {case} unlinked.</source>
      <translation>Kaitan kasus {case} dilepaskan.</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <source>No providers in the directory yet</source>
      <translation>Belum ada penyedia layanan di direktori</translation>
    </message>
  </context>
  <context>
    <name>JourneyDialog</name>
    <message>
      <source>This case has no services or referrals yet</source>
      <translation>Kasus ini belum punya layanan atau rujukan</translation>
    </message>
    <message>
      <source>Service: {what}</source>
      <translation>Layanan: {what}</translation>
    </message>
    <message>
      <source>Referral: {to}</source>
      <translation>Rujukan: {to}</translation>
    </message>
    <message>
      <source>Add an assessment</source>
      <translation>Tambah asesmen</translation>
    </message>
    <message>
      <source>Edit assessment</source>
      <translation>Ubah asesmen</translation>
    </message>
    <message>
      <source>Add a plan goal</source>
      <translation>Tambah tujuan rencana</translation>
    </message>
    <message>
      <source>Edit plan goal</source>
      <translation>Ubah tujuan rencana</translation>
    </message>
    <message>
      <source>Add a legal step</source>
      <translation>Tambah tahap hukum</translation>
    </message>
    <message>
      <source>Edit legal step</source>
      <translation>Ubah tahap hukum</translation>
    </message>
    <message>
      <source>Add a restitution claim</source>
      <translation>Tambah permohonan restitusi</translation>
    </message>
    <message>
      <source>Edit restitution</source>
      <translation>Ubah restitusi</translation>
    </message>
    <message>
      <source>Add an LPSK request</source>
      <translation>Tambah permohonan LPSK</translation>
    </message>
    <message>
      <source>Edit LPSK request</source>
      <translation>Ubah permohonan LPSK</translation>
    </message>
    <message>
      <source>Add a return</source>
      <translation>Tambah pemulangan</translation>
    </message>
    <message>
      <source>Edit return</source>
      <translation>Ubah pemulangan</translation>
    </message>
    <message>
      <source>Add a reintegration check-up</source>
      <translation>Tambah kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>Edit check-up</source>
      <translation>Ubah kunjungan</translation>
    </message>
  </context>
  <context>
    <name>JourneyTabs</name>
    <message>
      <source>Remove record</source>
      <translation>Hapus catatan</translation>
    </message>
    <message>
      <source>Remove this record from the case?</source>
      <translation>Hapus catatan ini dari kasus?</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Ubah…</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>Hapus…</translation>
    </message>
    <message>
      <source>Remove a record entered by mistake</source>
      <translation>Hapus catatan yang salah dimasukkan</translation>
    </message>
    <message>
      <source>Choose a record first.</source>
      <translation>Pilih dulu catatannya.</translation>
    </message>
    <message>
      <source>Record removed.</source>
      <translation>Catatan dihapus.</translation>
    </message>
    <message>
      <source>Assessment &amp;&amp; plan</source>
      <translation>Asesmen &amp;&amp; rencana</translation>
    </message>
    <message>
      <source>Assessments</source>
      <translation>Asesmen</translation>
    </message>
    <message>
      <source>Add assessment…</source>
      <translation>Tambah asesmen…</translation>
    </message>
    <message>
      <source>Intervention plan</source>
      <translation>Rencana intervensi</translation>
    </message>
    <message>
      <source>Add goal…</source>
      <translation>Tambah tujuan…</translation>
    </message>
    <message>
      <source>Approve plan</source>
      <translation>Setujui rencana</translation>
    </message>
    <message>
      <source>A supervisor approves the plan as it now reads</source>
      <translation>Supervisor menyetujui rencana sebagaimana tertulis sekarang</translation>
    </message>
    <message>
      <source>Only a supervisor approves the plan</source>
      <translation>Hanya supervisor yang menyetujui rencana</translation>
    </message>
    <message>
      <source>Print plan…</source>
      <translation>Cetak rencana…</translation>
    </message>
    <message>
      <source>The plan on paper, for the case conference</source>
      <translation>Rencana di atas kertas, untuk rapat koordinasi kasus</translation>
    </message>
    <message>
      <source>The plan has no goals yet.</source>
      <translation>Rencana belum punya tujuan.</translation>
    </message>
    <message>
      <source>Not approved: {count} of {total} goals wait.</source>
      <translation>Belum disetujui: {count} dari {total} tujuan menunggu.</translation>
    </message>
    <message>
      <source>Approved by {who} on {day}.</source>
      <translation>Disetujui oleh {who} pada {day}.</translation>
    </message>
    <message>
      <source>Plan approved ({count} goals).</source>
      <translation>Rencana disetujui ({count} tujuan).</translation>
    </message>
    <message>
      <source>Legal &amp;&amp; restitution</source>
      <translation>Hukum &amp;&amp; restitusi</translation>
    </message>
    <message>
      <source>Legal steps</source>
      <translation>Tahap hukum</translation>
    </message>
    <message>
      <source>Add step…</source>
      <translation>Tambah tahap…</translation>
    </message>
    <message>
      <source>Restitution</source>
      <translation>Restitusi</translation>
    </message>
    <message>
      <source>Add restitution…</source>
      <translation>Tambah restitusi…</translation>
    </message>
    <message>
      <source>LPSK requests</source>
      <translation>Permohonan LPSK</translation>
    </message>
    <message>
      <source>Add LPSK request…</source>
      <translation>Tambah permohonan LPSK…</translation>
    </message>
    <message>
      <source>Letter to LPSK…</source>
      <translation>Surat ke LPSK…</translation>
    </message>
    <message>
      <source>Preview the request to LPSK, issue it with a number, print it or save it</source>
      <translation>Pratinjau surat permohonan ke LPSK, terbitkan dengan nomor, cetak atau simpan</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Repatriation and return</source>
      <translation>Repatriasi dan pemulangan</translation>
    </message>
    <message>
      <source>Add return…</source>
      <translation>Tambah pemulangan…</translation>
    </message>
    <message>
      <source>Handover record…</source>
      <translation>Berita acara serah terima…</translation>
    </message>
    <message>
      <source>Preview the handover record (berita acara serah terima), issue it with a number, print it or save it</source>
      <translation>Pratinjau berita acara serah terima, terbitkan dengan nomor, cetak atau simpan</translation>
    </message>
    <message>
      <source>Reintegration check-ups</source>
      <translation>Kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>Add check-up…</source>
      <translation>Tambah kunjungan…</translation>
    </message>
  </context>
  <context>
    <name>LetterDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Referral letter — case {number}</source>
      <translation>Surat rujukan — kasus {number}</translation>
    </message>
    <message>
      <source>The case file has changes that are not saved; the letter uses the case as last saved.</source>
      <translation>Berkas kasus punya perubahan yang belum disimpan; surat memakai data kasus yang terakhir disimpan.</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Persetujuan</translation>
    </message>
    <message>
      <source>Why the letter must go without recorded consent (at least {minimum} characters)</source>
      <translation>Mengapa surat harus dikirim tanpa persetujuan tercatat (paling sedikit {minimum} huruf)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>tidak ada</translation>
    </message>
    <message>
      <source>Issue letter</source>
      <translation>Terbitkan surat</translation>
    </message>
    <message>
      <source>Give the letter the next number of the year, keep it in the letter archive and mark the referral sent</source>
      <translation>Beri surat nomor berikutnya tahun ini, simpan di arsip surat, dan tandai rujukan terkirim</translation>
    </message>
    <message>
      <source>New letter with a new number…</source>
      <translation>Surat baru dengan nomor baru…</translation>
    </message>
    <message>
      <source>Show the issued letter</source>
      <translation>Tampilkan surat yang diterbitkan</translation>
    </message>
    <message>
      <source>Letter settings…</source>
      <translation>Pengaturan surat…</translation>
    </message>
    <message>
      <source>A printed or saved letter is not encrypted and shows data about a victim. Keep it only where people who are not authorised cannot read it.</source>
      <translation>Surat yang dicetak atau disimpan tidak terenkripsi dan memuat data korban. Simpan hanya di tempat yang tidak dapat dibaca orang yang tidak berwenang.</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>Letter to LPSK — case {number}</source>
      <translation>Surat ke LPSK — kasus {number}</translation>
    </message>
    <message>
      <source>Handover record — case {number}</source>
      <translation>Berita acara serah terima — kasus {number}</translation>
    </message>
    <message>
      <source>Give the letter the next number of the year, keep it in the letter archive and note its number on the record</source>
      <translation>Beri surat nomor berikutnya tahun ini, simpan di arsip surat dan catat nomornya pada catatan ini</translation>
    </message>
    <message>
      <source>This referral is no longer in the case.</source>
      <translation>Rujukan ini sudah tidak ada di kasus.</translation>
    </message>
    <message>
      <source>This record is no longer in the case.</source>
      <translation>Catatan ini sudah tidak ada di kasus.</translation>
    </message>
    <message>
      <source>Handover record {number} issued; the return shows its number.</source>
      <translation>Berita acara {number} diterbitkan; nomornya tercatat pada pemulangan.</translation>
    </message>
    <message>
      <source>Letter {number} issued; the LPSK request shows its number.</source>
      <translation>Surat {number} diterbitkan; nomornya tercatat pada permohonan LPSK.</translation>
    </message>
    <message>
      <source>To the Chair of LPSK, Jakarta</source>
      <translation>Kepada Ketua LPSK, Jakarta</translation>
    </message>
    <message>
      <source>Handover by {escort}</source>
      <translation>Diserahkan oleh {escort}</translation>
    </message>
    <message>
      <source>To {provider}</source>
      <translation>Kepada {provider}</translation>
    </message>
    <message>
      <source>✓ Consent to be referred is recorded.</source>
      <translation>✓ Persetujuan untuk dirujuk sudah dicatat.</translation>
    </message>
    <message>
      <source>✗ No consent to be referred is recorded (Consents to services, on the Case tab).</source>
      <translation>✗ Persetujuan untuk dirujuk belum dicatat (Setuju menerima layanan, di tab Kasus).</translation>
    </message>
    <message>
      <source>The letter shows the person's name and NIK.</source>
      <translation>Surat memuat nama dan NIK orang tersebut.</translation>
    </message>
    <message>
      <source>The letter shows only the person's initials, age and sex.</source>
      <translation>Surat hanya memuat inisial, umur dan jenis kelamin orang tersebut.</translation>
    </message>
    <message>
      <source>Consent to share identity is recorded: the letter shows the person's name and NIK.</source>
      <translation>Persetujuan berbagi identitas sudah dicatat: surat memuat nama dan NIK orang tersebut.</translation>
    </message>
    <message>
      <source>No consent to share identity: the letter shows only the person's initials, age and sex.</source>
      <translation>Tidak ada persetujuan berbagi identitas: surat hanya memuat inisial, umur dan jenis kelamin orang tersebut.</translation>
    </message>
    <message>
      <source>Without that consent a letter goes only as a supervisor's override: write the reason below. It is kept in the letter archive.</source>
      <translation>Tanpa persetujuan itu, surat hanya dapat dikirim bila supervisor mengesampingkannya: tulis alasannya di bawah. Alasan disimpan di arsip surat.</translation>
    </message>
    <message>
      <source>A letter is not issued without that consent. Record it on the Case tab, or ask a supervisor, who can override it with a reason.</source>
      <translation>Surat tidak diterbitkan tanpa persetujuan itu. Catat persetujuan di tab Kasus, atau minta supervisor, yang dapat mengesampingkannya dengan alasan.</translation>
    </message>
    <message>
      <source>Letter {number} of {date}, issued by {user} in {language}.</source>
      <translation>Surat nomor {number} tanggal {date}, diterbitkan oleh {user} dalam {language}.</translation>
    </message>
    <message>
      <source>Earlier letters of this referral, replaced by it: {count}.</source>
      <translation>Surat sebelumnya untuk rujukan ini yang digantikannya: {count}.</translation>
    </message>
    <message>
      <source>Earlier letters of this record, replaced by it: {count}.</source>
      <translation>Surat sebelumnya untuk catatan ini, yang digantikan surat ini: {count}.</translation>
    </message>
    <message>
      <source>A new letter instead</source>
      <translation>Surat baru sebagai pengganti</translation>
    </message>
    <message>
      <source>The record names letter {number} of {date}; this computer's letter archive does not hold it (it was issued by another office's register, or typed in). Shown is a copy made now from the case, marked as a copy.</source>
      <translation>Catatan ini menyebut surat {number} tanggal {date}; arsip surat di komputer ini tidak menyimpannya (diterbitkan register kantor lain, atau diketik). Yang ditampilkan adalah salinan yang dibuat sekarang dari kasus, ditandai sebagai salinan.</translation>
    </message>
    <message>
      <source>Not issued yet. The draft below has no number; the letter gets one when it is issued.</source>
      <translation>Belum diterbitkan. Draf ini belum bernomor; surat mendapat nomor saat diterbitkan.</translation>
    </message>
    <message>
      <source>Letter</source>
      <translation>Surat</translation>
    </message>
    <message>
      <source>Letter {number}</source>
      <translation>Surat nomor {number}</translation>
    </message>
    <message>
      <source>Draft — not issued, no number</source>
      <translation>Draf — belum diterbitkan, belum bernomor</translation>
    </message>
    <message>
      <source>To see the letter, write the reason and press “Show the issued letter”.</source>
      <translation>Untuk melihat surat, tulis alasannya lalu tekan “Tampilkan surat yang diterbitkan”.</translation>
    </message>
    <message>
      <source>Issue a new letter with number {number} instead of {earlier}?</source>
      <translation>Terbitkan surat baru dengan nomor {number} sebagai pengganti surat {earlier}?</translation>
    </message>
    <message>
      <source>Letter {earlier} stays in the letter archive. Tell the provider that the new letter replaces it.</source>
      <translation>Surat {earlier} tetap ada di arsip surat. Beri tahu penyedia layanan bahwa surat baru menggantikannya.</translation>
    </message>
    <message>
      <source>Letter {earlier} stays in the letter archive; the record shows the new number instead.</source>
      <translation>Surat {earlier} tetap di arsip surat; catatan ini memakai nomor baru sebagai gantinya.</translation>
    </message>
    <message>
      <source>Issue the letter with number {number} now?</source>
      <translation>Terbitkan surat dengan nomor {number} sekarang?</translation>
    </message>
    <message>
      <source>The number is the office's next official number: once issued, it cannot be given again. The letter is kept in the letter archive and the referral is marked sent.</source>
      <translation>Nomor ini adalah nomor resmi berikutnya kantor: setelah diterbitkan, nomor itu tidak dapat diberikan lagi. Surat disimpan di arsip surat dan rujukan ditandai terkirim.</translation>
    </message>
    <message>
      <source>The number is the office's next official number: once issued, it cannot be given again. The letter is kept in the letter archive and its number is noted on the record.</source>
      <translation>Nomor ini adalah nomor resmi kantor berikutnya: setelah diterbitkan, nomor itu tidak dapat diberikan lagi. Surat disimpan di arsip surat dan nomornya dicatat pada catatan ini.</translation>
    </message>
    <message>
      <source>Number {taken} was just taken by another letter.</source>
      <translation>Nomor {taken} baru saja dipakai surat lain.</translation>
    </message>
    <message>
      <source>New letter</source>
      <translation>Surat baru</translation>
    </message>
    <message>
      <source>Letter {number} issued; the referral is marked sent.</source>
      <translation>Surat nomor {number} diterbitkan; rujukan ditandai terkirim.</translation>
    </message>
    <message>
      <source>Letter {number} of {date} was sent; this computer's letter archive does not hold it (it was issued by another office's register, or recorded with its number only). Shown is a copy made now from the case, marked as a copy.</source>
      <translation>Surat nomor {number} tanggal {date} sudah dikirim; arsip surat komputer ini tidak menyimpannya (surat itu diterbitkan oleh register kantor lain, atau dicatat hanya dengan nomornya). Yang ditampilkan adalah salinan yang dibuat sekarang dari data kasus, bertanda salinan.</translation>
    </message>
    <message>
      <source>Copy of letter {number}</source>
      <translation>Salinan surat nomor {number}</translation>
    </message>
    <message>
      <source>Issue number {number}</source>
      <translation>Terbitkan nomor {number}</translation>
    </message>
    <message>
      <source>Print letter {number}</source>
      <translation>Cetak surat {number}</translation>
    </message>
    <message>
      <source>Letter {number} sent to the printer; {count} of its attached documents could not be read for printing and were left out.</source>
      <translation>Surat {number} dikirim ke printer; {count} dokumen lampirannya tidak dapat dibaca untuk dicetak dan tidak ikut dicetak.</translation>
    </message>
    <message>
      <source>Letter {number} and its attached documents ({count}) sent to the printer.</source>
      <translation>Surat {number} beserta dokumen lampirannya ({count}) dikirim ke printer.</translation>
    </message>
    <message>
      <source>Letter {number} sent to the printer.</source>
      <translation>Surat {number} dikirim ke printer.</translation>
    </message>
    <message>
      <source>The printer could not start. Check that it is on and connected, then try again.</source>
      <translation>Printer tidak dapat mulai mencetak. Periksa apakah printer menyala dan tersambung, lalu coba lagi.</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
      <source>Save letter {number} as an unencrypted PDF file?</source>
      <translation>Simpan surat {number} sebagai berkas PDF yang tidak terenkripsi?</translation>
    </message>
    <message>
      <source>Choose where…</source>
      <translation>Pilih tempat…</translation>
    </message>
    <message>
      <source>Save letter {number}</source>
      <translation>Simpan surat {number}</translation>
    </message>
    <message>
      <source>The letter was not saved: {reason}</source>
      <translation>Surat tidak tersimpan: {reason}</translation>
    </message>
  </context>
  <context>
    <name>LetterSettingsDialog</name>
    <message>
      <source>Letter settings of the office</source>
      <translation>Pengaturan surat kantor</translation>
    </message>
    <message>
      <source>the classification code (for a child or an adult)</source>
      <translation>kode klasifikasi (untuk anak atau dewasa)</translation>
    </message>
    <message>
      <source>the letter's sequence number, from 1 each year</source>
      <translation>nomor urut surat, mulai dari 1 setiap tahun</translation>
    </message>
    <message>
      <source>the unit code</source>
      <translation>kode unit</translation>
    </message>
    <message>
      <source>the month as two digits (01 to 12)</source>
      <translation>bulan dalam dua angka (01 sampai 12)</translation>
    </message>
    <message>
      <source>the month in Roman numerals (XI)</source>
      <translation>bulan dalam angka Romawi (XI)</translation>
    </message>
    <message>
      <source>the year (2026)</source>
      <translation>tahun (2026)</translation>
    </message>
    <message>
      <source>the office code</source>
      <translation>kode kantor</translation>
    </message>
    <message>
      <source>How this office's referral letters look and are numbered. Letters already issued keep what they said.</source>
      <translation>Bentuk dan penomoran surat rujukan kantor ini. Surat yang sudah diterbitkan tidak berubah.</translation>
    </message>
    <message>
      <source>Must contain {number} and {year}. What each part becomes:</source>
      <translation>Harus memuat {number} dan {year}. Arti tiap bagian:</translation>
    </message>
    <message>
      <source>The first letter of the year for a child: {number}</source>
      <translation>Surat pertama tahun ini untuk anak: {number}</translation>
    </message>
    <message>
      <source>Saved. Check the warnings above.</source>
      <translation>Tersimpan. Periksa peringatan di atas.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
  </context>
  <context>
    <name>LinkDialog</name>
    <message>
      <source>Same person</source>
      <translation>Orang yang sama</translation>
    </message>
    <message>
      <source>{first} and {second} are one person. Both offices see that the person is registered at the other too (its office and case number, nothing more); neither record changes.</source>
      <translation>{first} dan {second} adalah orang yang sama. Kedua kantor melihat bahwa orang ini juga tercatat di kantor lain (hanya kantor dan nomor kasusnya); data keduanya tidak berubah.</translation>
    </message>
    <message>
      <source>Optional: how you know</source>
      <translation>Boleh dikosongkan: dari mana Anda tahu</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Tautkan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <source>TipDesk — locked</source>
      <translation>TipDesk — terkunci</translation>
    </message>
    <message>
      <source>TipDesk is locked.</source>
      <translation>TipDesk terkunci.</translation>
    </message>
    <message>
      <source>Signed in: {user}</source>
      <translation>Masuk sebagai: {user}</translation>
    </message>
    <message>
      <source>Type your password to go on working.</source>
      <translation>Ketik kata sandi Anda untuk melanjutkan pekerjaan.</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Buka kunci</translation>
    </message>
    <message>
      <source>Checking the password…</source>
      <translation>Memeriksa kata sandi…</translation>
    </message>
  </context>
  <context>
    <name>LogoEditor</name>
    <message>
      <source>Choose image…</source>
      <translation>Pilih gambar…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Choose the logo</source>
      <translation>Pilih logo</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg)</source>
      <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Not an image</source>
      <translation>Bukan gambar</translation>
    </message>
    <message>
      <source>No logo</source>
      <translation>Tanpa logo</translation>
    </message>
  </context>
  <context>
    <name>LogoPage</name>
    <message>
      <source>Logo on letters</source>
      <translation>Logo pada surat</translation>
    </message>
    <message>
      <source>Optional: the office's logo, printed beside the letterhead of every referral letter (a PNG or JPEG image). Skip this page to add it later in Office &gt; Letter settings.</source>
      <translation>Tidak wajib: logo kantor, dicetak di samping kop setiap surat rujukan (gambar PNG atau JPEG). Lewati halaman ini untuk menambahkannya nanti di Kantor &gt; Pengaturan surat.</translation>
    </message>
    <message>
      <source>Letters with a logo also need the head of office, their title and a region code with a city (go Back to the office page), or remove the logo and add it later in Office &gt; Letter settings.</source>
      <translation>Surat dengan logo juga memerlukan nama kepala kantor, jabatannya, dan kode wilayah yang menunjuk sebuah kota (kembali ke halaman kantor), atau hapus logo dan tambahkan nanti di Kantor &gt; Pengaturan surat.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Reports</source>
      <translation>Laporan</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Sinkronisasi</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <source>TipDesk — {office}</source>
      <translation>TipDesk — {office}</translation>
    </message>
    <message>
      <source> (demo, discarded on exit)</source>
      <translation> (demo, dihapus saat keluar)</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Beranda</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Register</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation>Penyedia layanan</translation>
    </message>
    <message>
      <source>Referrals</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>Kejadian</translation>
    </message>
    <message>
      <source>Transfers</source>
      <translation>Pelimpahan</translation>
    </message>
    <message>
      <source>Duplicates</source>
      <translation>Duplikat</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Audit</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Berkas</translation>
    </message>
    <message>
      <source>&amp;New case…</source>
      <translation>Kasus &amp;baru…</translation>
    </message>
    <message>
      <source>&amp;Back up now…</source>
      <translation>&amp;Cadangkan sekarang…</translation>
    </message>
    <message>
      <source>Write an encrypted copy of the register to a file, e.g. on a USB drive</source>
      <translation>Tulis salinan register terenkripsi ke sebuah berkas, mis. di flashdisk</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
      <source>Make a new register from a backup file (administrators)</source>
      <translation>Buat register baru dari berkas cadangan (administrator)</translation>
    </message>
    <message>
      <source>Change my &amp;password…</source>
      <translation>Ganti kata &amp;sandi saya…</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>K&amp;unci</translation>
    </message>
    <message>
      <source>Hide every TipDesk window until your password is typed again</source>
      <translation>Sembunyikan semua jendela TipDesk sampai kata sandi Anda diketik lagi</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Keluar</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>&amp;Buka</translation>
    </message>
    <message>
      <source>&amp;Office</source>
      <translation>&amp;Kantor</translation>
    </message>
    <message>
      <source>&amp;Letter settings…</source>
      <translation>&amp;Pengaturan surat…</translation>
    </message>
    <message>
      <source>Letterhead, numbering and signatory of referral letters (administrators)</source>
      <translation>Kop, penomoran dan penandatangan surat rujukan (administrator)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Tampilan</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Bahasa</translation>
    </message>
    <message>
      <source>Lock &amp;after…</source>
      <translation>Kunci &amp;setelah…</translation>
    </message>
    <message>
      <source>How many minutes without use before TipDesk locks</source>
      <translation>Berapa menit tanpa penggunaan sebelum TipDesk terkunci</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Ban&amp;tuan</translation>
    </message>
    <message>
      <source>&amp;First steps</source>
      <translation>&amp;Langkah pertama</translation>
    </message>
    <message>
      <source>What a new register needs: letters, providers, users, keys</source>
      <translation>Yang diperlukan register baru: surat, penyedia layanan, pengguna, kunci</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Pintasan papan ketik</translation>
    </message>
    <message>
      <source>&amp;How do I…</source>
      <translation>&amp;Bagaimana cara…</translation>
    </message>
    <message>
      <source>&amp;About TipDesk</source>
      <translation>&amp;Tentang TipDesk</translation>
    </message>
    <message>
      <source>{n} follow-ups are overdue</source>
      <translation>{n} tindak lanjut terlambat</translation>
    </message>
    <message>
      <source>{n} referral follow-ups are overdue</source>
      <translation>{n} tindak lanjut rujukan terlambat</translation>
    </message>
    <message>
      <source>{n} conflicts or held packages wait for a decision</source>
      <translation>{n} konflik atau paket tertahan menunggu keputusan</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>Buka kasus</translation>
    </message>
    <message>
      <source>The person's data is erased.</source>
      <translation>Data orang sudah dihapus.</translation>
    </message>
    <message>
      <source>Today's automatic backup failed.</source>
      <translation>Cadangan otomatis hari ini gagal.</translation>
    </message>
    <message>
      <source>Use File &gt; Back up now, or tell your office IT if it fails again.</source>
      <translation>Gunakan Berkas &gt; Cadangkan sekarang, atau beri tahu petugas TI kantor bila gagal lagi.</translation>
    </message>
    <message>
      <source>Your password is changed.</source>
      <translation>Kata sandi Anda sudah diganti.</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Bahasa</translation>
    </message>
    <message>
      <source>The new language is used from the next start of TipDesk.</source>
      <translation>Bahasa baru dipakai mulai TipDesk dibuka lagi.</translation>
    </message>
    <message>
      <source>About TipDesk</source>
      <translation>Tentang TipDesk</translation>
    </message>
    <message>
      <source>TipDesk {version}
A case register for services to victims of trafficking in persons.</source>
      <translation>TipDesk {version}
Register kasus untuk layanan bagi korban tindak pidana perdagangan orang.</translation>
    </message>
  </context>
  <context>
    <name>NewCaseDialog</name>
    <message>
      <source>New case for {name} ({number})</source>
      <translation>Kasus baru untuk {name} ({number})</translation>
    </message>
    <message>
      <source>New case</source>
      <translation>Kasus baru</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Korban</translation>
    </message>
    <message>
      <source>First case</source>
      <translation>Kasus pertama</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <source>Add a note</source>
      <translation>Tambah catatan</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>Ubah catatan</translation>
    </message>
  </context>
  <context>
    <name>OfficePage</name>
    <message>
      <source>Your office</source>
      <translation>Kantor Anda</translation>
    </message>
    <message>
      <source>These details appear on referral letters and reports.</source>
      <translation>Data ini muncul pada surat rujukan dan laporan.</translation>
    </message>
    <message>
      <source>One line per row, e.g.
PEMERINTAH KOTA KUPANG</source>
      <translation>Satu baris per baris kop, mis.
PEMERINTAH KOTA KUPANG</translation>
    </message>
    <message>
      <source>Office code</source>
      <translation>Kode kantor</translation>
    </message>
    <message>
      <source>Office name</source>
      <translation>Nama kantor</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <source>Region code (Kemendagri)</source>
      <translation>Kode wilayah (Kemendagri)</translation>
    </message>
    <message>
      <source>Letterhead lines</source>
      <translation>Baris kop surat</translation>
    </message>
    <message>
      <source>Head of office</source>
      <translation>Kepala kantor</translation>
    </message>
    <message>
      <source>Head's title</source>
      <translation>Jabatan kepala</translation>
    </message>
    <message>
      <source>Head's NIP</source>
      <translation>NIP kepala</translation>
    </message>
  </context>
  <context>
    <name>OutputBox</name>
    <message>
      <source>Print or save</source>
      <translation>Cetak atau simpan</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Cetak…</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Saved as {path}.</source>
      <translation>Tersimpan sebagai {path}.</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Current password</source>
      <translation>Kata sandi sekarang</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Kata sandi baru</translation>
    </message>
    <message>
      <source>Repeat new password</source>
      <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
      <source>Setting the password…</source>
      <translation>Mengatur kata sandi…</translation>
    </message>
    <message>
      <source>Change my password</source>
      <translation>Ganti kata sandi saya</translation>
    </message>
    <message>
      <source>Type your current password, then the new one twice. Use at least 8 characters; the new password works from the next sign-in and unlock.</source>
      <translation>Ketik kata sandi Anda sekarang, lalu kata sandi baru dua kali. Gunakan paling sedikit 8 karakter; kata sandi baru berlaku mulai saat masuk dan buka kunci berikutnya.</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>Whole page</source>
      <translation>Satu halaman penuh</translation>
    </message>
  </context>
  <context>
    <name>PersonRights</name>
    <message>
      <source>The person asked for it</source>
      <translation>Atas permintaan orang tersebut</translation>
    </message>
    <message>
      <source>A court or legal order</source>
      <translation>Putusan pengadilan atau perintah hukum</translation>
    </message>
    <message>
      <source>Entered by mistake</source>
      <translation>Salah dicatat</translation>
    </message>
    <message>
      <source>An exported file is not encrypted and shows everything about a victim. Hand it to the person or keep it only where people who are not authorised cannot read it, and delete it when it is no longer needed.</source>
      <translation>Berkas ekspor tidak terenkripsi dan memuat seluruh data tentang korban. Serahkan kepada orang tersebut atau simpan hanya di tempat yang tidak dapat dibaca orang yang tidak berwenang, dan hapus bila tidak diperlukan lagi.</translation>
    </message>
    <message>
      <source>Export person's data</source>
      <translation>Ekspor data orang</translation>
    </message>
    <message>
      <source>Export everything this register holds about the person of case {number} as an unencrypted file?</source>
      <translation>Ekspor seluruh data yang disimpan register ini tentang orang pada kasus {number} sebagai berkas tidak terenkripsi?</translation>
    </message>
    <message>
      <source>Choose where…</source>
      <translation>Pilih tempat…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>Berkas JSON (*.json)</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Save the person's data</source>
      <translation>Simpan data orang</translation>
    </message>
    <message>
      <source>Writing the person's data…</source>
      <translation>Menulis data orang…</translation>
    </message>
    <message>
      <source>The file could not be written in {folder}. Check that the folder still exists and has room, then try again.</source>
      <translation>Berkas tidak dapat ditulis di {folder}. Periksa bahwa folder itu masih ada dan masih cukup ruang, lalu coba lagi.</translation>
    </message>
  </context>
  <context>
    <name>PlanSheetDialog</name>
    <message>
      <source>Intervention plan — case {number}</source>
      <translation>Rencana intervensi — kasus {number}</translation>
    </message>
    <message>
      <source>The plan as it now reads in the case file, for the case conference: the victim's name, sex, age and risk, the needs found, the goals by domain with the services and referrals that serve them, and the approval.</source>
      <translation>Rencana sebagaimana tercatat sekarang di berkas kasus, untuk konferensi kasus: nama, jenis kelamin, umur dan tingkat risiko korban, kebutuhan yang ditemukan, tujuan menurut ranah beserta layanan dan rujukan yang mendukungnya, dan persetujuannya.</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Dokumen</translation>
    </message>
    <message>
      <source>A printed or saved plan is not encrypted and shows data about a victim. Keep it only where people who are not authorised cannot read it.</source>
      <translation>Rencana yang dicetak atau disimpan tidak terenkripsi dan memuat data korban. Simpan hanya di tempat yang tidak dapat dibaca orang yang tidak berwenang.</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>Simpan salinan…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>Making the plan…</source>
      <translation>Menyusun rencana…</translation>
    </message>
    <message>
      <source>Intervention plan — pages: {pages}</source>
      <translation>Rencana intervensi — jumlah halaman: {pages}</translation>
    </message>
    <message>
      <source>Print the plan of case {number}</source>
      <translation>Cetak rencana kasus {number}</translation>
    </message>
    <message>
      <source>The plan went to the printer.</source>
      <translation>Rencana sudah dikirim ke printer.</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>Simpan salinan</translation>
    </message>
    <message>
      <source>Save the plan of case {number} as an unencrypted PDF file?</source>
      <translation>Simpan rencana kasus {number} sebagai berkas PDF yang tidak terenkripsi?</translation>
    </message>
    <message>
      <source>Choose where…</source>
      <translation>Pilih tempat…</translation>
    </message>
    <message>
      <source>Save the plan of case {number}</source>
      <translation>Simpan rencana kasus {number}</translation>
    </message>
    <message>
      <source>The plan was not saved: {reason}</source>
      <translation>Rencana tidak disimpan: {reason}</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>ProviderDialog</name>
    <message>
      <source>Add provider</source>
      <translation>Tambah penyedia layanan</translation>
    </message>
    <message>
      <source>Edit provider</source>
      <translation>Ubah penyedia layanan</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>(pilih)</translation>
    </message>
    <message>
      <source>e.g. 53.71</source>
      <translation>mis. 53.71</translation>
    </message>
  </context>
  <context>
    <name>ProvidersView</name>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Wilayah</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telepon</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>Narahubung</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Search providers by name or region</source>
      <translation>Cari penyedia layanan menurut nama atau wilayah</translation>
    </message>
    <message>
      <source>Add provider</source>
      <translation>Tambah penyedia layanan</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Ubah</translation>
    </message>
    <message>
      <source>1 provider</source>
      <translation>1 penyedia layanan</translation>
    </message>
    <message>
      <source>{count} providers</source>
      <translation>{count} penyedia layanan</translation>
    </message>
    <message>
      <source>Saved: {name}</source>
      <translation>Tersimpan: {name}</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Pilih</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Hapus</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Lihat di:</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>&amp;Folder Baru</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Buka</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Simpan</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Semua Berkas (*)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Ganti ke tampilan rinci</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Ganti ke tampilan daftar</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Buat Folder Baru</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Buat Folder Baru</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Tampilan Rinci</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Folder:</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
      <source>Find Directory</source>
      <translation>Pilih Folder</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Maju</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Maju</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Ke folder induk</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Tampilan Daftar</translation>
    </message>
    <message>
      <source>List of places and bookmarks</source>
      <translation>Daftar tempat dan penanda</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Folder Baru</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Folder Induk</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Simpan Sebagai</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Panel samping</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>%1 sudah ada.
Ganti dengan yang baru?</translation>
    </message>
    <message>
      <source>'%1' is write protected.
Do you want to delete it anyway?</source>
      <translation>'%1' dilindungi dari penulisan.
Tetap hapus?</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Yakin ingin menghapus '%1'?</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukuran</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Tanggal Diubah</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>Komputer</translation>
    </message>
  </context>
  <context>
    <name>QGnomeTheme</name>
    <message>
      <source>&amp;OK</source>
      <translation>&amp;OK</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Simpan</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Batal</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Tutup</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Tutup tanpa Menyimpan</translation>
    </message>
  </context>
  <context>
    <name>QInputDialog</name>
    <message>
      <source>Enter a value:</source>
      <translation>Masukkan nilai:</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Urungkan</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>Ulan&amp;gi</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Po&amp;tong</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Salin</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>T&amp;empel</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Pilih Semua</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Show Details...</source>
      <translation>Tampilkan Rincian...</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Sembunyikan Rincian...</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Simpan Semua</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ya</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Tidak</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>T&amp;idak untuk Semua</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Hentikan</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Coba Lagi</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Abaikan</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Buang</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Bantuan</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Terapkan</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Atur Ulang</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Kembalikan Bawaan</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Urungkan</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>Ulan&amp;gi</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Po&amp;tong</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Salin</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>T&amp;empel</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Pilih Semua</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Salin &amp;Alamat Tautan</translation>
    </message>
  </context>
  <context>
    <name>QWizard</name>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Selesai</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Bantuan</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Bantuan</translation>
    </message>
    <message>
      <source>Go Back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Lanjut</translation>
    </message>
    <message>
      <source>Commit</source>
      <translation>Terapkan</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Selesai</translation>
    </message>
  </context>
  <context>
    <name>ReasonBox</name>
    <message>
      <source>{count} letters (at least {minimum})</source>
      <translation>{count} huruf (paling sedikit {minimum})</translation>
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <source>Other</source>
      <translation>Lainnya</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Identitas</translation>
    </message>
    <message>
      <source>Contact and address</source>
      <translation>Kontak dan alamat</translation>
    </message>
    <message>
      <source>Background</source>
      <translation>Latar belakang</translation>
    </message>
    <message>
      <source>Guardian (for a child)</source>
      <translation>Wali (untuk anak)</translation>
    </message>
    <message>
      <source>Intake</source>
      <translation>Pengaduan</translation>
    </message>
    <message>
      <source>Exploitation</source>
      <translation>Eksploitasi</translation>
    </message>
    <message>
      <source>Recruitment and movement</source>
      <translation>Perekrutan dan perpindahan</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Persetujuan</translation>
    </message>
    <message>
      <source>Closure</source>
      <translation>Penutupan kasus</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Kronologi singkat</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Description and outcome</source>
      <translation>Uraian dan hasil</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Letterhead</source>
      <translation>Kop surat</translation>
    </message>
    <message>
      <source>Place, paper and language</source>
      <translation>Tempat, kertas dan bahasa</translation>
    </message>
    <message>
      <source>Letter numbers</source>
      <translation>Nomor surat</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>Tanda tangan</translation>
    </message>
    <message>
      <source>Copies (tembusan)</source>
      <translation>Tembusan</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>Balasan</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Asesmen</translation>
    </message>
    <message>
      <source>Needs and findings</source>
      <translation>Kebutuhan dan temuan</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Tujuan</translation>
    </message>
    <message>
      <source>Services and referrals for this goal</source>
      <translation>Layanan dan rujukan untuk tujuan ini</translation>
    </message>
    <message>
      <source>Legal step</source>
      <translation>Tahap hukum</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Putusan</translation>
    </message>
    <message>
      <source>Perpetrators (counted, never named)</source>
      <translation>Pelaku (dihitung, tidak pernah disebut namanya)</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>Keterangan</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Permohonan</translation>
    </message>
    <message>
      <source>LPSK assessment</source>
      <translation>Penilaian LPSK</translation>
    </message>
    <message>
      <source>Award and payment</source>
      <translation>Putusan dan pembayaran</translation>
    </message>
    <message>
      <source>LPSK request</source>
      <translation>Permohonan LPSK</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Handover</source>
      <translation>Serah terima</translation>
    </message>
    <message>
      <source>Check-up</source>
      <translation>Kunjungan</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Kejadian</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyDialog</name>
    <message>
      <source>Recovery key for batches</source>
      <translation>Kunci pemulihan paket</translation>
    </message>
    <message>
      <source>Batches that districts send to {office} are now also locked to this key. If this register is ever lost, the key still opens them. It is shown only now and is not kept on this computer.</source>
      <translation>Paket dari kabupaten/kota ke {office} kini juga dikunci untuk kunci ini. Bila register ini hilang, kunci ini tetap dapat membukanya. Kunci hanya ditampilkan sekarang dan tidak disimpan di komputer ini.</translation>
    </message>
    <message>
      <source>Print it or write it on paper now, check every character, and lock the paper away apart from this laptop and from the register's recovery code. Do not save it in a file or a message. Then save this office's key file again and give it to each district, so that their batches use the recovery key.</source>
      <translation>Cetak atau tulis di kertas sekarang, periksa setiap hurufnya, lalu simpan kertasnya di tempat terkunci, terpisah dari laptop ini dan dari kode pemulihan register. Jangan simpan dalam berkas atau pesan. Setelah itu simpan ulang berkas kunci kantor ini dan berikan ke setiap kabupaten/kota, agar paket mereka memakai kunci pemulihan.</translation>
    </message>
    <message>
      <source>I have printed the recovery key or written it down</source>
      <translation>Saya sudah mencetak atau menulis kunci pemulihan</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Cetak…</translation>
    </message>
    <message>
      <source>TipDesk recovery key for batches</source>
      <translation>Kunci pemulihan paket TipDesk</translation>
    </message>
    <message>
      <source>Office {office}, printed {day}</source>
      <translation>Kantor {office}, dicetak {day}</translation>
    </message>
    <message>
      <source>It opens the batches sent to this office if its register is lost. Keep this paper locked away, apart from the laptop and from the register's recovery code.</source>
      <translation>Kunci ini membuka paket ke kantor ini bila registernya hilang. Simpan kertas ini di tempat terkunci, terpisah dari laptop dan dari kode pemulihan register.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryPage</name>
    <message>
      <source>Recovery code</source>
      <translation>Kode pemulihan</translation>
    </message>
    <message>
      <source>If every password is forgotten, this code is the only way into the register. It is shown only now.</source>
      <translation>Jika semua kata sandi terlupa, kode ini satu-satunya jalan masuk ke register. Kode hanya ditampilkan sekarang.</translation>
    </message>
    <message>
      <source>Write it on paper now and keep the paper locked away, apart from this laptop. Do not save it in a file or a message.</source>
      <translation>Tulis sekarang di kertas dan simpan kertasnya di tempat terkunci, terpisah dari laptop ini. Jangan simpan di berkas atau pesan.</translation>
    </message>
    <message>
      <source>I have written the recovery code down</source>
      <translation>Saya sudah menulis kode pemulihan</translation>
    </message>
    <message>
      <source>A province also gets a recovery key for batches: it opens the batches districts send to this office if this register is ever lost. Print it or write it down as well, and keep it apart from the recovery code.</source>
      <translation>Provinsi juga mendapat kunci pemulihan paket: kunci ini membuka paket dari kabupaten/kota ke kantor ini bila register ini hilang. Cetak atau tulis juga, dan simpan terpisah dari kode pemulihan.</translation>
    </message>
    <message>
      <source>I have printed the recovery key for batches or written it down</source>
      <translation>Saya sudah mencetak atau menulis kunci pemulihan paket</translation>
    </message>
    <message>
      <source>Print the key for batches…</source>
      <translation>Cetak kunci paket…</translation>
    </message>
  </context>
  <context>
    <name>ReferralDialog</name>
    <message>
      <source>Add a referral</source>
      <translation>Tambah rujukan</translation>
    </message>
    <message>
      <source>Edit referral</source>
      <translation>Ubah rujukan</translation>
    </message>
  </context>
  <context>
    <name>ReferralsView</name>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Penyedia layanan</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>Urgensi</translation>
    </message>
    <message>
      <source>Letter no.</source>
      <translation>Nomor surat</translation>
    </message>
    <message>
      <source>Letter date</source>
      <translation>Tanggal surat</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Tindak lanjut</translation>
    </message>
    <message>
      <source>Search by name, case number or provider</source>
      <translation>Cari nama, nomor kasus atau penyedia layanan</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Semua status</translation>
    </message>
    <message>
      <source>Not finished</source>
      <translation>Belum selesai</translation>
    </message>
    <message>
      <source>1 referral</source>
      <translation>1 rujukan</translation>
    </message>
    <message>
      <source>{count} referrals</source>
      <translation>{count} rujukan</translation>
    </message>
  </context>
  <context>
    <name>RegionPicker</name>
    <message>
      <source>Province</source>
      <translation>Provinsi</translation>
    </message>
    <message>
      <source>Regency / city</source>
      <translation>Kabupaten / kota</translation>
    </message>
    <message>
      <source>District</source>
      <translation>Kecamatan</translation>
    </message>
    <message>
      <source>Village</source>
      <translation>Kelurahan / desa</translation>
    </message>
    <message>
      <source>No region chosen</source>
      <translation>Belum ada wilayah yang dipilih</translation>
    </message>
    <message>
      <source>Code {code} ({name})</source>
      <translation>Kode {code} ({name})</translation>
    </message>
    <message>
      <source>Code {code} is not in today's Kemendagri list; choose the region again.</source>
      <translation>Kode {code} tidak ada di daftar Kemendagri terbaru; pilih wilayahnya lagi.</translation>
    </message>
    <message>
      <source>Code {code}</source>
      <translation>Kode {code}</translation>
    </message>
  </context>
  <context>
    <name>RegisterListView</name>
    <message>
      <source>Search by name, NIK, case or register number</source>
      <translation>Cari nama, NIK, nomor kasus atau nomor register</translation>
    </message>
    <message>
      <source>Initials only</source>
      <translation>Inisial saja</translation>
    </message>
    <message>
      <source>Show initials instead of names, e.g. when others can see the screen</source>
      <translation>Tampilkan inisial, bukan nama, misalnya saat orang lain dapat melihat layar</translation>
    </message>
    <message>
      <source>Group by person</source>
      <translation>Kelompokkan per orang</translation>
    </message>
    <message>
      <source>Show each person's cases together, the first opened first</source>
      <translation>Tampilkan kasus setiap orang bersama-sama, yang pertama dibuka lebih dulu</translation>
    </message>
    <message>
      <source>New case</source>
      <translation>Kasus baru</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Semua status</translation>
    </message>
    <message>
      <source>Not closed</source>
      <translation>Belum ditutup</translation>
    </message>
    <message>
      <source>The office each case came from</source>
      <translation>Kantor asal setiap kasus</translation>
    </message>
    <message>
      <source>All exploitation types</source>
      <translation>Semua jenis eksploitasi</translation>
    </message>
    <message>
      <source>Opened between</source>
      <translation>Dibuka antara</translation>
    </message>
    <message>
      <source>and</source>
      <translation>dan</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Hapus filter</translation>
    </message>
    <message>
      <source>De-identified list: your role sees no names or register numbers, and cannot search or open case files.</source>
      <translation>Daftar tanpa identitas: peran Anda tidak melihat nama atau nomor register, dan tidak dapat mencari atau membuka berkas kasus.</translation>
    </message>
    <message>
      <source>All workers</source>
      <translation>Semua petugas</translation>
    </message>
    <message>
      <source>All offices</source>
      <translation>Semua kantor</translation>
    </message>
    <message>
      <source>More than {count} cases</source>
      <translation>Lebih dari {count} kasus</translation>
    </message>
    <message>
      <source>No cases</source>
      <translation>Tidak ada kasus</translation>
    </message>
    <message>
      <source>1 case</source>
      <translation>1 kasus</translation>
    </message>
    <message>
      <source>{count} cases</source>
      <translation>{count} kasus</translation>
    </message>
  </context>
  <context>
    <name>RekeyDoneDialog</name>
    <message>
      <source>Database re-keyed</source>
      <translation>Kunci basis data diganti</translation>
    </message>
    <message>
      <source>{user} is removed and the database has a new key. Every other user signs in with their usual password.</source>
      <translation>{user} sudah dihapus dan basis data memiliki kunci baru. Semua pengguna lain masuk dengan kata sandi biasa.</translation>
    </message>
    <message>
      <source>These users cannot sign in until an administrator resets their password (Users &gt; Reset password…): {users}</source>
      <translation>Pengguna berikut tidak dapat masuk sampai administrator mengatur ulang kata sandinya (Pengguna &gt; Atur ulang kata sandi…): {users}</translation>
    </message>
    <message>
      <source>I have written the new recovery code down</source>
      <translation>Saya sudah menuliskan kode pemulihan yang baru</translation>
    </message>
    <message>
      <source>The old recovery code no longer opens the register. This is the new one, shown only now: write it on paper and lock the paper away, apart from this laptop. Do not save it in a file or a message.</source>
      <translation>Kode pemulihan lama tidak lagi membuka register. Ini kode yang baru, hanya ditampilkan sekarang: tulis di kertas dan simpan kertasnya di tempat terkunci, terpisah dari laptop ini. Jangan simpan di berkas atau pesan.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
  </context>
  <context>
    <name>RemoveUserDialog</name>
    <message>
      <source>Remove user</source>
      <translation>Hapus pengguna</translation>
    </message>
    <message>
      <source>Remove {user}? They can no longer sign in. The account's name stays in the audit trail and the history of changes; it cannot be used again.</source>
      <translation>Hapus {user}? Pengguna ini tidak dapat masuk lagi. Nama akunnya tetap ada di jejak audit dan riwayat perubahan; nama itu tidak dapat dipakai lagi.</translation>
    </message>
    <message>
      <source>Re-key the database so the removed user's old key no longer opens it</source>
      <translation>Ganti kunci basis data agar kunci lama pengguna yang dihapus tidak lagi dapat membukanya</translation>
    </message>
    <message>
      <source>Recommended. A copy of the register the removed user may have taken stays readable with their old password; after a re-key, no later copy is. It takes a moment on a large register; every other user keeps their password.</source>
      <translation>Disarankan. Salinan register yang mungkin dibawa pengguna yang dihapus tetap dapat dibaca dengan kata sandi lamanya; setelah kunci diganti, salinan berikutnya tidak. Pada register besar perlu beberapa saat; pengguna lain tetap memakai kata sandinya.</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Removing the user and re-keying the database…</source>
      <translation>Menghapus pengguna dan mengganti kunci basis data…</translation>
    </message>
    <message>
      <source>Removing the user…</source>
      <translation>Menghapus pengguna…</translation>
    </message>
  </context>
  <context>
    <name>ReplyDialog</name>
    <message>
      <source>Record the provider's reply</source>
      <translation>Catat balasan penyedia layanan</translation>
    </message>
    <message>
      <source>Reply of {provider} to letter {number}.</source>
      <translation>Balasan {provider} atas surat {number}.</translation>
    </message>
    <message>
      <source>Reply of {provider}.</source>
      <translation>Balasan {provider}.</translation>
    </message>
  </context>
  <context>
    <name>ReportsView</name>
    <message>
      <source>This month</source>
      <translation>Bulan ini</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>Bulan lalu</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Tahun ini</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>Tahun lalu</translation>
    </message>
    <message>
      <source>Other dates</source>
      <translation>Tanggal lain</translation>
    </message>
    <message>
      <source>All offices</source>
      <translation>Semua kantor</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Tampilkan</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>Simpan sebagai…</translation>
    </message>
    <message>
      <source>Save this report as PDF, XLSX (spreadsheet) or CSV</source>
      <translation>Simpan laporan ini sebagai PDF, XLSX (lembar kerja) atau CSV</translation>
    </message>
    <message>
      <source>Anonymised export…</source>
      <translation>Ekspor anonim…</translation>
    </message>
    <message>
      <source>One row per case with no name, number, date or free text, each combination shared by at least k cases (for CTDC-style statistics)</source>
      <translation>Satu baris per kasus tanpa nama, nomor, tanggal atau teks bebas; setiap kombinasi dimiliki sedikitnya k kasus (untuk statistik gaya CTDC)</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dari</translation>
    </message>
    <message>
      <source>to</source>
      <translation>sampai</translation>
    </message>
    <message>
      <source>Click a bar or a number to list the cases it counts.</source>
      <translation>Klik batang atau angka untuk melihat kasus yang dihitungnya.</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Grafik</translation>
    </message>
    <message>
      <source>Tables</source>
      <translation>Tabel</translation>
    </message>
    <message>
      <source>Your role cannot see statistics; ask a supervisor, an administrator or a data analyst.</source>
      <translation>Peran Anda tidak dapat melihat statistik; minta supervisor, administrator atau analis data.</translation>
    </message>
    <message>
      <source>The period ends before it starts: check the dates.</source>
      <translation>Periode berakhir sebelum dimulai: periksa tanggalnya.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Laporan</translation>
    </message>
    <message>
      <source>Counting the cases of the period…</source>
      <translation>Menghitung kasus dalam periode…</translation>
    </message>
    <message>
      <source>Counting the cases of {period}…</source>
      <translation>Menghitung kasus {period}…</translation>
    </message>
    <message>
      <source>{period}: {new} new cases, {handled} handled, {closed} closed, {open} open at the end; {children} child victims.</source>
      <translation>{period}: {new} kasus baru, {handled} ditangani, {closed} ditutup, {open} masih terbuka di akhir periode; {children} korban anak.</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>Simpan laporan</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;Spreadsheet (*.xlsx);;CSV for scripts (*.csv)</source>
      <translation>PDF (*.pdf);;Lembar kerja (*.xlsx);;CSV untuk skrip (*.csv)</translation>
    </message>
    <message>
      <source>The report was saved to {path}.
It holds counts only, no names; the file is not encrypted.</source>
      <translation>Laporan disimpan di {path}.
Isinya hanya angka, tanpa nama; berkas ini tidak dienkripsi.</translation>
    </message>
    <message>
      <source>Anonymised export</source>
      <translation>Ekspor anonim</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <source>Writing the anonymised statistics…</source>
      <translation>Menulis statistik anonim…</translation>
    </message>
    <message>
      <source>{exported} cases written to {path} (k = {k}).
{generalised} values were made coarser and {suppressed} cases left out so that every combination is shared by at least {k} cases; {no_consent} cases without consent to anonymous statistics were not included.</source>
      <translation>{exported} kasus ditulis ke {path} (k = {k}).
{generalised} nilai dibuat lebih umum dan {suppressed} kasus dihilangkan agar setiap kombinasi dimiliki sedikitnya {k} kasus; {no_consent} kasus tanpa persetujuan statistik anonim tidak disertakan.</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Restore from backup</source>
      <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
      <source>The backup becomes a new register in a folder of its own; the register open now is not changed. Sign in to the restored register as an administrator, with the password that was valid when the backup was made.</source>
      <translation>Cadangan menjadi register baru di foldernya sendiri; register yang terbuka sekarang tidak diubah. Masuk ke register yang dipulihkan sebagai administrator, dengan kata sandi yang berlaku saat cadangan dibuat.</translation>
    </message>
    <message>
      <source>only if no password of that time is known</source>
      <translation>hanya bila tidak ada kata sandi dari waktu itu yang diketahui</translation>
    </message>
    <message>
      <source>Backup file</source>
      <translation>Berkas cadangan</translation>
    </message>
    <message>
      <source>New, empty folder</source>
      <translation>Folder baru yang kosong</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <source>Recovery code</source>
      <translation>Kode pemulihan</translation>
    </message>
    <message>
      <source>With the recovery code, the password above becomes the administrator's new password in the restored register.</source>
      <translation>Dengan kode pemulihan, kata sandi di atas menjadi kata sandi baru administrator di register yang dipulihkan.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Pulihkan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>Choose the backup file</source>
      <translation>Pilih berkas cadangan</translation>
    </message>
    <message>
      <source>Choose an empty folder for the restored register</source>
      <translation>Pilih folder kosong untuk register yang dipulihkan</translation>
    </message>
    <message>
      <source>Choose the backup file and a new, empty folder first.</source>
      <translation>Pilih berkas cadangan dan folder baru yang kosong terlebih dahulu.</translation>
    </message>
    <message>
      <source>Checking and restoring the backup…</source>
      <translation>Memeriksa dan memulihkan cadangan…</translation>
    </message>
    <message>
      <source>The backup could not be read, or the folder could not be written. Check both, then try again.</source>
      <translation>Cadangan tidak dapat dibaca, atau folder tidak dapat ditulis. Periksa keduanya, lalu coba lagi.</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>Change role</source>
      <translation>Ubah peran</translation>
    </message>
    <message>
      <source>What {user} may do depends on the role: administrators manage the office and its users, supervisors see every case and approve closures, case workers see their own cases, analysts see statistics without names.</source>
      <translation>Apa yang boleh dilakukan {user} bergantung pada perannya: administrator mengelola kantor dan penggunanya, supervisor melihat semua kasus dan menyetujui penutupan, pendamping melihat kasusnya sendiri, analis melihat statistik tanpa nama.</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Peran</translation>
    </message>
    <message>
      <source>An analyst's password opens only the data without names, so this change needs a new password for {user}. Give it to them in person.</source>
      <translation>Kata sandi analis hanya membuka data tanpa nama, jadi perubahan ini memerlukan kata sandi baru untuk {user}. Berikan secara langsung.</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Kata sandi baru</translation>
    </message>
    <message>
      <source>Repeat new password</source>
      <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
      <source>Changing the role…</source>
      <translation>Mengubah peran…</translation>
    </message>
  </context>
  <context>
    <name>ServiceDialog</name>
    <message>
      <source>Add a service</source>
      <translation>Tambah layanan</translation>
    </message>
    <message>
      <source>Edit service</source>
      <translation>Ubah layanan</translation>
    </message>
    <message>
      <source>The two passwords differ. Type the same password twice.</source>
      <translation>Kedua kata sandi berbeda. Ketik kata sandi yang sama dua kali.</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Sign in to TipDesk</source>
      <translation>Masuk ke TipDesk</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>Register folder</source>
      <translation>Folder register</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Masuk</translation>
    </message>
    <message>
      <source>New register…</source>
      <translation>Register baru…</translation>
    </message>
    <message>
      <source>Choose the register folder</source>
      <translation>Pilih folder register</translation>
    </message>
    <message>
      <source>Choose a register folder first.</source>
      <translation>Pilih folder register terlebih dahulu.</translation>
    </message>
    <message>
      <source>Opening the register</source>
      <translation>Membuka register</translation>
    </message>
    <message>
      <source>Unlocking and checking the register…</source>
      <translation>Membuka kunci dan memeriksa register…</translation>
    </message>
  </context>
  <context>
    <name>StandingBanner</name>
    <message>
      <source>Accept</source>
      <translation>Terima</translation>
    </message>
    <message>
      <source>Decline…</source>
      <translation>Tolak…</translation>
    </message>
    <message>
      <source>The same person is registered at {office} (case {number}).</source>
      <translation>Orang yang sama tercatat di {office} (kasus {number}).</translation>
    </message>
    <message>
      <source>Read-only copy: the case belongs to {office}.</source>
      <translation>Salinan hanya-baca: kasus ini milik {office}.</translation>
    </message>
    <message>
      <source>Handed over to {office} on {date} — read-only copy.</source>
      <translation>Dilimpahkan ke {office} pada {date} — salinan hanya-baca.</translation>
    </message>
    <message>
      <source>Received from {office} on {date}.</source>
      <translation>Diterima dari {office} pada {date}.</translation>
    </message>
    <message>
      <source>Transfer to {office} requested on {date} — waiting for its decision.</source>
      <translation>Pelimpahan ke {office} diajukan pada {date} — menunggu keputusannya.</translation>
    </message>
    <message>
      <source>Offered by {office} on {date} — accept or decline.</source>
      <translation>Ditawarkan oleh {office} pada {date} — terima atau tolak.</translation>
    </message>
    <message>
      <source>Reason: {reason}</source>
      <translation>Alasan: {reason}</translation>
    </message>
    <message>
      <source>Until it is accepted, this is a read-only copy.</source>
      <translation>Sampai diterima, ini salinan hanya-baca.</translation>
    </message>
    <message>
      <source>The transfer to {office} was declined on {date}: {reason}</source>
      <translation>Pelimpahan ke {office} ditolak pada {date}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>Welcome to TipDesk</source>
      <translation>Selamat datang di TipDesk</translation>
    </message>
    <message>
      <source>TipDesk keeps your office's case register encrypted on this computer. Create a register, or open one that already exists.</source>
      <translation>TipDesk menyimpan register kasus kantor Anda secara terenkripsi di komputer ini. Buat register baru, atau buka register yang sudah ada.</translation>
    </message>
    <message>
      <source>Create a new register for my office</source>
      <translation>Buat register baru untuk kantor saya</translation>
    </message>
    <message>
      <source>Open an existing register folder</source>
      <translation>Buka folder register yang sudah ada</translation>
    </message>
    <message>
      <source>Register folder</source>
      <translation>Folder register</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Pilih…</translation>
    </message>
    <message>
      <source>Choose the register folder</source>
      <translation>Pilih folder register</translation>
    </message>
    <message>
      <source>That folder is not a TipDesk register: choose the folder that holds register.keys and register.db.</source>
      <translation>Folder itu bukan register TipDesk: pilih folder yang berisi register.keys dan register.db.</translation>
    </message>
  </context>
  <context>
    <name>SyncView</name>
    <message>
      <source>Office</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Korban</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Kasus</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>Rujukan</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Penyedia layanan</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Kejadian</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Asesmen</translation>
    </message>
    <message>
      <source>Plan goal</source>
      <translation>Tujuan rencana</translation>
    </message>
    <message>
      <source>Legal step</source>
      <translation>Tahap hukum</translation>
    </message>
    <message>
      <source>Restitution</source>
      <translation>Restitusi</translation>
    </message>
    <message>
      <source>LPSK request</source>
      <translation>Permohonan LPSK</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Pemulangan</translation>
    </message>
    <message>
      <source>Reintegration check-up</source>
      <translation>Kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>offices</source>
      <translation>kantor</translation>
    </message>
    <message>
      <source>persons</source>
      <translation>korban</translation>
    </message>
    <message>
      <source>cases</source>
      <translation>kasus</translation>
    </message>
    <message>
      <source>services</source>
      <translation>layanan</translation>
    </message>
    <message>
      <source>referrals</source>
      <translation>rujukan</translation>
    </message>
    <message>
      <source>providers</source>
      <translation>penyedia layanan</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>catatan</translation>
    </message>
    <message>
      <source>incidents</source>
      <translation>kejadian</translation>
    </message>
    <message>
      <source>assessments</source>
      <translation>asesmen</translation>
    </message>
    <message>
      <source>plan goals</source>
      <translation>tujuan rencana</translation>
    </message>
    <message>
      <source>legal steps</source>
      <translation>tahap hukum</translation>
    </message>
    <message>
      <source>restitution claims</source>
      <translation>permohonan restitusi</translation>
    </message>
    <message>
      <source>LPSK requests</source>
      <translation>permohonan LPSK</translation>
    </message>
    <message>
      <source>returns</source>
      <translation>pemulangan</translation>
    </message>
    <message>
      <source>reintegration check-ups</source>
      <translation>kunjungan reintegrasi</translation>
    </message>
    <message>
      <source>full case data</source>
      <translation>data kasus lengkap</translation>
    </message>
    <message>
      <source>de-identified data</source>
      <translation>data tanpa identitas</translation>
    </message>
    <message>
      <source>never</source>
      <translation>belum pernah</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <source>Last sent</source>
      <translation>Terakhir dikirim</translation>
    </message>
    <message>
      <source>Confirmed by them</source>
      <translation>Dikonfirmasi mereka</translation>
    </message>
    <message>
      <source>Last received</source>
      <translation>Terakhir diterima</translation>
    </message>
    <message>
      <source>Changes since confirmed</source>
      <translation>Perubahan sejak konfirmasi</translation>
    </message>
    <message>
      <source>Waiting in inbox</source>
      <translation>Menunggu di inbox</translation>
    </message>
    <message>
      <source>Whole record</source>
      <translation>Seluruh data</translation>
    </message>
    <message>
      <source>edited (restores the record)</source>
      <translation>diubah (memulihkan data)</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>dihapus</translation>
    </message>
    <message>
      <source>edited</source>
      <translation>diubah</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(kosong)</translation>
    </message>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Kolom</translation>
    </message>
    <message>
      <source>Ours</source>
      <translation>Milik kita</translation>
    </message>
    <message>
      <source>Theirs</source>
      <translation>Milik mereka</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dari</translation>
    </message>
    <message>
      <source>Batch files carry this register's changes to the offices below and bring theirs back, on a USB stick. Each file is encrypted for one office and signed by this one; a file from an office that is not enrolled is refused.</source>
      <translation>Berkas paket membawa perubahan register ini ke kantor-kantor di bawah dan membawa kembali perubahan mereka, lewat USB. Setiap berkas dienkripsi untuk satu kantor dan ditandatangani kantor ini; berkas dari kantor yang belum terdaftar ditolak.</translation>
    </message>
    <message>
      <source>Offices</source>
      <translation>Kantor</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Konflik</translation>
    </message>
    <message>
      <source>Export a batch…</source>
      <translation>Ekspor paket…</translation>
    </message>
    <message>
      <source>Write a batch for the office chosen in the table, e.g. on a USB stick</source>
      <translation>Tulis paket untuk kantor yang dipilih di tabel, mis. ke USB</translation>
    </message>
    <message>
      <source>Import a batch…</source>
      <translation>Impor paket…</translation>
    </message>
    <message>
      <source>Check and apply a batch file another office exported for this one</source>
      <translation>Periksa dan terapkan berkas paket yang diekspor kantor lain untuk kantor ini</translation>
    </message>
    <message>
      <source>Try the inbox again</source>
      <translation>Coba inbox lagi</translation>
    </message>
    <message>
      <source>Apply the batches that wait in the inbox for an earlier batch</source>
      <translation>Terapkan paket di inbox yang menunggu paket sebelumnya</translation>
    </message>
    <message>
      <source>Your role does not exchange batches; a caseworker, supervisor or administrator can.</source>
      <translation>Peran Anda tidak bertukar paket; pendamping kasus, supervisor atau administrator dapat melakukannya.</translation>
    </message>
    <message>
      <source>Enrol an office…</source>
      <translation>Daftarkan kantor…</translation>
    </message>
    <message>
      <source>Add an office from its key file, after confirming its fingerprint by phone</source>
      <translation>Tambahkan kantor dari berkas kuncinya, setelah kode pengamannya dicocokkan lewat telepon</translation>
    </message>
    <message>
      <source>Save our key file…</source>
      <translation>Simpan berkas kunci kita…</translation>
    </message>
    <message>
      <source>Save this office's key file, to give to an office that enrols it</source>
      <translation>Simpan berkas kunci kantor ini, untuk diberikan ke kantor yang akan mendaftarkannya</translation>
    </message>
    <message>
      <source>Make a recovery key…</source>
      <translation>Buat kunci pemulihan…</translation>
    </message>
    <message>
      <source>A key, kept on paper, that opens the batches sent to this province if its register is lost</source>
      <translation>Kunci di atas kertas yang membuka paket ke provinsi ini bila registernya hilang</translation>
    </message>
    <message>
      <source>No conflicts to review. A conflict arises when this office and another changed the same field of a record before their batches crossed.</source>
      <translation>Tidak ada konflik untuk ditinjau. Konflik muncul bila kantor ini dan kantor lain mengubah kolom yang sama pada satu data sebelum paket mereka bertemu.</translation>
    </message>
    <message>
      <source>Keep ours</source>
      <translation>Pakai milik kita</translation>
    </message>
    <message>
      <source>Keep this office's value; the other office gets it with the next batch</source>
      <translation>Pakai nilai kantor ini; kantor lain menerimanya dengan paket berikutnya</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>Pakai milik mereka</translation>
    </message>
    <message>
      <source>Take the other office's value here; it goes back with the next batch</source>
      <translation>Pakai nilai kantor lain di sini; nilai itu kembali dengan paket berikutnya</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>Buka kasus</translation>
    </message>
    <message>
      <source>Open the case file in its own window</source>
      <translation>Buka berkas kasus di jendelanya sendiri</translation>
    </message>
    <message>
      <source>Either choice is an ordinary change that travels with the next batch, so both registers end with the same value.</source>
      <translation>Pilihan mana pun adalah perubahan biasa yang ikut paket berikutnya, sehingga kedua register berakhir dengan nilai yang sama.</translation>
    </message>
    <message>
      <source>No office is enrolled yet. An administrator enrols an office from its key file and confirms its fingerprint over the phone.</source>
      <translation>Belum ada kantor yang terdaftar. Administrator mendaftarkan kantor dari berkas kuncinya dan mencocokkan kode pengamannya lewat telepon.</translation>
    </message>
    <message>
      <source>Inbox ({count}, {held} held)</source>
      <translation>Inbox ({count}, {held} ditahan)</translation>
    </message>
    <message>
      <source>Inbox ({count})</source>
      <translation>Inbox ({count})</translation>
    </message>
    <message>
      <source>Conflicts ({count})</source>
      <translation>Konflik ({count})</translation>
    </message>
    <message>
      <source>{office} · {name}: fingerprint {fingerprint}; receives {profile} from us; enrolled {enrolled}.</source>
      <translation>{office} · {name}: kode pengaman {fingerprint}; menerima {profile} dari kita; terdaftar {enrolled}.</translation>
    </message>
    <message>
      <source>Changes sent up to no. {sent}, of which they confirmed up to no. {acked}; received from them up to no. {received}.</source>
      <translation>Perubahan terkirim sampai no. {sent}, yang sudah mereka konfirmasi sampai no. {acked}; diterima dari mereka sampai no. {received}.</translation>
    </message>
    <message>
      <source>Case {number}</source>
      <translation>Kasus {number}</translation>
    </message>
    <message>
      <source>Ours ({office})</source>
      <translation>Milik kita ({office})</translation>
    </message>
    <message>
      <source>Theirs ({office})</source>
      <translation>Milik mereka ({office})</translation>
    </message>
    <message>
      <source>Changed by {user} on {when}</source>
      <translation>Diubah oleh {user} pada {when}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>tidak diketahui</translation>
    </message>
    <message>
      <source>{action} did not complete.</source>
      <translation>{action} tidak selesai.</translation>
    </message>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>Dibatalkan; tidak ada yang diubah.</translation>
    </message>
    <message>
      <source>Export a batch</source>
      <translation>Ekspor paket</translation>
    </message>
    <message>
      <source>Choose in the table the office the batch is for.</source>
      <translation>Pilih di tabel kantor tujuan paket.</translation>
    </message>
    <message>
      <source>Where to write the batch for {office} (e.g. the USB stick)</source>
      <translation>Di mana paket untuk {office} ditulis (mis. USB)</translation>
    </message>
    <message>
      <source>Its documents are in {count} more files beside it ({names}). Copy them all with the batch: without them it cannot be imported.</source>
      <translation>Dokumennya ada di {count} berkas lagi di sampingnya ({names}). Salin semuanya bersama berkas paket: tanpa berkas itu paket tidak dapat diimpor.</translation>
    </message>
    <message>
      <source>Writing the batch for {office}…</source>
      <translation>Menulis paket untuk {office}…</translation>
    </message>
    <message>
      <source>The batch could not be written to {folder}: the stick may be full, write-protected or removed. Nothing was sent; try again.</source>
      <translation>Paket tidak dapat ditulis ke {folder}: USB mungkin penuh, terkunci tulis, atau tercabut. Tidak ada yang dikirim; coba lagi.</translation>
    </message>
    <message>
      <source>The batch for {office} is written:
{path}</source>
      <translation>Paket untuk {office} sudah ditulis:
{path}</translation>
    </message>
    <message>
      <source>Records: {records}.</source>
      <translation>Data: {records}.</translation>
    </message>
    <message>
      <source>No new changes: the batch tells {office} what this office has received.</source>
      <translation>Tidak ada perubahan baru: paket ini memberi tahu {office} apa yang sudah diterima kantor ini.</translation>
    </message>
    <message>
      <source>It is encrypted for {office} and signed by this office; its name says nothing about what it holds. Import it at {office}; their next batch confirms it.</source>
      <translation>Paket dienkripsi untuk {office} dan ditandatangani kantor ini; namanya tidak menunjukkan isinya. Impor di {office}; paket mereka berikutnya mengonfirmasinya.</translation>
    </message>
    <message>
      <source>Import a batch</source>
      <translation>Impor paket</translation>
    </message>
    <message>
      <source>Choose a batch file</source>
      <translation>Pilih berkas paket</translation>
    </message>
    <message>
      <source>TipDesk batches (*.tipbatch);;All files (*)</source>
      <translation>Paket TipDesk (*.tipbatch);;Semua berkas (*)</translation>
    </message>
    <message>
      <source>Checking and applying the batch…</source>
      <translation>Memeriksa dan menerapkan paket…</translation>
    </message>
    <message>
      <source>The file {path} could not be read. Check that the stick is still plugged in, then try again.</source>
      <translation>Berkas {path} tidak dapat dibaca. Periksa apakah USB masih tertancap, lalu coba lagi.</translation>
    </message>
    <message>
      <source>This batch from {office} was imported before; nothing changed.</source>
      <translation>Paket dari {office} ini sudah pernah diimpor; tidak ada yang berubah.</translation>
    </message>
    <message>
      <source>It is on the Inbox tab.</source>
      <translation>Paket ini ada di tab Inbox.</translation>
    </message>
    <message>
      <source>An earlier batch from {office} has not arrived here, so this one cannot be applied yet. It is kept in the inbox and applied by itself when the missing batch arrives. Ask {office} to export again: a new batch carries everything this office has not confirmed.</source>
      <translation>Paket {office} yang lebih awal belum tiba di sini, jadi paket ini belum dapat diterapkan. Paket disimpan di inbox dan diterapkan otomatis saat paket yang hilang tiba. Minta {office} mengekspor lagi: paket baru membawa semua yang belum dikonfirmasi kantor ini.</translation>
    </message>
    <message>
      <source>Batch from {office} imported. Applied: {applied}; unchanged: {unchanged}; merged with changes made here: {merged}; conflicts to review: {conflicts}.</source>
      <translation>Paket dari {office} diimpor. Diterapkan: {applied}; tidak berubah: {unchanged}; digabung dengan perubahan di sini: {merged}; konflik untuk ditinjau: {conflicts}.</translation>
    </message>
    <message>
      <source>Batches from the inbox applied after it: {count}.</source>
      <translation>Paket dari inbox yang diterapkan sesudahnya: {count}.</translation>
    </message>
    <message>
      <source>Review the conflicts on the Conflicts tab.</source>
      <translation>Tinjau konflik di tab Konflik.</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Inbox</translation>
    </message>
    <message>
      <source>Applying the batches waiting in the inbox…</source>
      <translation>Menerapkan paket yang menunggu di inbox…</translation>
    </message>
    <message>
      <source>A batch in the inbox could not be read. Ask the sending office to export again.</source>
      <translation>Sebuah paket di inbox tidak dapat dibaca. Minta kantor pengirim mengekspor lagi.</translation>
    </message>
    <message>
      <source>Batches applied from the inbox: {count}.</source>
      <translation>Paket yang diterapkan dari inbox: {count}.</translation>
    </message>
    <message>
      <source>Nothing in the inbox can be applied yet: the batch it waits for has not arrived. Ask the sending office to export again.</source>
      <translation>Belum ada paket di inbox yang dapat diterapkan: paket yang ditunggu belum tiba. Minta kantor pengirim mengekspor lagi.</translation>
    </message>
    <message>
      <source>Held for an administrator to accept or discard: {count}; see the Inbox tab.</source>
      <translation>Ditahan untuk diterima atau dibuang administrator: {count}; lihat tab Inbox.</translation>
    </message>
    <message>
      <source>Accept a held batch</source>
      <translation>Terima paket yang ditahan</translation>
    </message>
    <message>
      <source>Apply the batch from {office} as it is?</source>
      <translation>Terapkan paket dari {office} apa adanya?</translation>
    </message>
    <message>
      <source>Accept it only if {office} confirmed that it meant these changes.</source>
      <translation>Terima hanya bila {office} sudah memastikan bahwa perubahan ini memang disengaja.</translation>
    </message>
    <message>
      <source>Applying the batch from {office}…</source>
      <translation>Menerapkan paket dari {office}…</translation>
    </message>
    <message>
      <source>The held batch could not be read from the inbox folder. Ask {office} to export again.</source>
      <translation>Paket yang ditahan tidak dapat dibaca dari folder inbox. Minta {office} mengekspor lagi.</translation>
    </message>
    <message>
      <source>The batch from {office} is accepted, but an earlier batch from {office} has not arrived here: it waits in the inbox and is applied by itself when that batch arrives.</source>
      <translation>Paket dari {office} diterima, tetapi paket {office} yang lebih awal belum tiba di sini: paket ini menunggu di inbox dan diterapkan otomatis saat paket itu tiba.</translation>
    </message>
    <message>
      <source>Documents received and checked: {count}.</source>
      <translation>Dokumen yang diterima dan diperiksa: {count}.</translation>
    </message>
    <message>
      <source>You accepted the batch from {office}.</source>
      <translation>Anda menerima paket dari {office}.</translation>
    </message>
    <message>
      <source>Discard a held batch</source>
      <translation>Buang paket yang ditahan</translation>
    </message>
    <message>
      <source>Throw away the batch from {office}?</source>
      <translation>Buang paket dari {office}?</translation>
    </message>
    <message>
      <source>Nothing of it is applied here. Its changes come again in the next batch from {office}, which is held again if it still deletes these cases: ask {office} to put right what it deleted by mistake.</source>
      <translation>Tidak ada isinya yang diterapkan di sini. Perubahannya datang lagi dalam paket berikutnya dari {office}, yang akan ditahan lagi bila masih menghapus kasus-kasus ini: minta {office} membetulkan apa yang terhapus karena keliru.</translation>
    </message>
    <message>
      <source>The held batch could not be removed from the inbox folder.</source>
      <translation>Paket yang ditahan tidak dapat dihapus dari folder inbox.</translation>
    </message>
    <message>
      <source>The batch from {office} is discarded; nothing of it was applied.</source>
      <translation>Paket dari {office} sudah dibuang; tidak ada isinya yang diterapkan.</translation>
    </message>
    <message>
      <source>It is held for an administrator.</source>
      <translation>Paket ini ditahan untuk administrator.</translation>
    </message>
    <message>
      <source>Enrol an office</source>
      <translation>Daftarkan kantor</translation>
    </message>
    <message>
      <source>Choose the office's key file</source>
      <translation>Pilih berkas kunci kantor itu</translation>
    </message>
    <message>
      <source>TipDesk key files (*.tipkey);;All files (*)</source>
      <translation>Berkas kunci TipDesk (*.tipkey);;Semua berkas (*)</translation>
    </message>
    <message>
      <source>The file {path} could not be read.</source>
      <translation>Berkas {path} tidak dapat dibaca.</translation>
    </message>
    <message>
      <source>This is this office's own key file. Choose the key file that the other office sent.</source>
      <translation>Ini berkas kunci kantor ini sendiri. Pilih berkas kunci yang dikirim kantor lain.</translation>
    </message>
    <message>
      <source>{office} ({name}) is enrolled: batches can now go to it and come from it.</source>
      <translation>{office} ({name}) sudah terdaftar: paket kini dapat dikirim ke kantor itu dan diterima darinya.</translation>
    </message>
    <message>
      <source>Save our key file</source>
      <translation>Simpan berkas kunci kita</translation>
    </message>
    <message>
      <source>Where to save this office's key file</source>
      <translation>Di mana berkas kunci kantor ini disimpan</translation>
    </message>
    <message>
      <source>The key file could not be saved in {folder}.</source>
      <translation>Berkas kunci tidak dapat disimpan di {folder}.</translation>
    </message>
    <message>
      <source>Our fingerprint: {fingerprint}</source>
      <translation>Kode pengaman kita: {fingerprint}</translation>
    </message>
    <message>
      <source>This office's key file is saved as {path}. Give it to the other office on a stick or by e-mail; it holds no secret. When they phone to enrol this office, read them this fingerprint:</source>
      <translation>Berkas kunci kantor ini disimpan sebagai {path}. Berikan ke kantor lain lewat USB atau surel; berkas ini tidak berisi rahasia. Saat mereka menelepon untuk mendaftarkan kantor ini, bacakan kode pengaman ini:</translation>
    </message>
    <message>
      <source>Recovery key for batches</source>
      <translation>Kunci pemulihan paket</translation>
    </message>
    <message>
      <source>Make a recovery key for the batches that districts send to this office? It is shown once, to print or write down and lock away; with it, those batches can still be opened if this register is lost.</source>
      <translation>Buat kunci pemulihan untuk paket dari kabupaten/kota ke kantor ini? Kunci hanya ditampilkan sekali, untuk dicetak atau ditulis lalu disimpan terkunci; dengannya, paket itu tetap dapat dibuka bila register ini hilang.</translation>
    </message>
    <message>
      <source>This office already has a recovery key. It was shown once, when it was made (for a province, when its register was created), and cannot be shown again.</source>
      <translation>Kantor ini sudah punya kunci pemulihan. Kunci itu ditampilkan sekali saat dibuat (untuk provinsi, saat registernya dibuat) dan tidak dapat ditampilkan lagi.</translation>
    </message>
    <message>
      <source>The recovery key is made. Save this office's key file again and give it to each district; each enrols it again (its fingerprint has changed).</source>
      <translation>Kunci pemulihan sudah dibuat. Simpan ulang berkas kunci kantor ini dan berikan ke setiap kabupaten/kota; masing-masing mendaftarkannya lagi (kode pengamannya berubah).</translation>
    </message>
    <message>
      <source>Conflict</source>
      <translation>Konflik</translation>
    </message>
    <message>
      <source>{what}: kept ours.</source>
      <translation>{what}: memakai milik kita.</translation>
    </message>
    <message>
      <source>{what}: kept the value of {office}.</source>
      <translation>{what}: memakai nilai dari {office}.</translation>
    </message>
  </context>
  <context>
    <name>TransferRequestDialog</name>
    <message>
      <source>Transfer to another office</source>
      <translation>Limpahkan ke kantor lain</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>(pilih)</translation>
    </message>
    <message>
      <source>The person goes with the transfer, and with them all of their {count} cases in this register (the case {number} and the others), with everything recorded in them.</source>
      <translation>Orang ini ikut dilimpahkan, beserta seluruh {count} kasusnya di register ini (kasus {number} dan yang lain), dengan semua yang tercatat di dalamnya.</translation>
    </message>
    <message>
      <source>The person goes with the transfer, with their case {number} and everything recorded in it.</source>
      <translation>Orang ini ikut dilimpahkan, beserta kasusnya {number} dan semua yang tercatat di dalamnya.</translation>
    </message>
    <message>
      <source>As the province, the transfer takes effect at once.</source>
      <translation>Sebagai provinsi, pelimpahan ini langsung berlaku.</translation>
    </message>
    <message>
      <source>The receiving office accepts or declines it; until then the case stays with this office.</source>
      <translation>Kantor tujuan menerima atau menolaknya; sampai saat itu kasus tetap di kantor ini.</translation>
    </message>
    <message>
      <source>To office</source>
      <translation>Ke kantor</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>This register knows no other office yet: sync with the province first.</source>
      <translation>Register ini belum mengenal kantor lain: lakukan sinkronisasi dengan provinsi dulu.</translation>
    </message>
    <message>
      <source>Request transfer</source>
      <translation>Ajukan pelimpahan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Choose the office the case goes to.</source>
      <translation>Pilih kantor tujuan kasus ini.</translation>
    </message>
  </context>
  <context>
    <name>TransfersView</name>
    <message>
      <source>Case no.</source>
      <translation>No. kasus</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dari</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Ke</translation>
    </message>
    <message>
      <source>Requested on</source>
      <translation>Diajukan</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>Diputuskan</translation>
    </message>
    <message>
      <source>Incoming</source>
      <translation>Masuk</translation>
    </message>
    <message>
      <source>Outgoing</source>
      <translation>Keluar</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Semua</translation>
    </message>
    <message>
      <source>Transfers</source>
      <translation>Pelimpahan</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Tampilkan</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>Diajukan</translation>
    </message>
    <message>
      <source>Cases moving</source>
      <translation>Kasus yang pindah</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>Decided</source>
      <translation>Diputuskan</translation>
    </message>
    <message>
      <source>Reason of the decision</source>
      <translation>Alasan keputusan</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>Terima</translation>
    </message>
    <message>
      <source>This office takes the person and their cases over</source>
      <translation>Kantor ini mengambil alih orang ini beserta kasus-kasusnya</translation>
    </message>
    <message>
      <source>Decline…</source>
      <translation>Tolak…</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>Buka kasus</translation>
    </message>
    <message>
      <source>No transfers yet.</source>
      <translation>Belum ada pelimpahan.</translation>
    </message>
    <message>
      <source>None of the transfers is of this kind.</source>
      <translation>Tidak ada pelimpahan jenis ini.</translation>
    </message>
    <message>
      <source>Transfer of case {number}: {status}</source>
      <translation>Pelimpahan kasus {number}: {status}</translation>
    </message>
    <message>
      <source>Waiting for {office}</source>
      <translation>Menunggu keputusan {office}</translation>
    </message>
    <message>
      <source>Case {number} is this office's now.</source>
      <translation>Kasus {number} sekarang milik kantor ini.</translation>
    </message>
    <message>
      <source>Transfer of case {number} declined; {office} keeps it.</source>
      <translation>Pelimpahan kasus {number} ditolak; kasus tetap di {office}.</translation>
    </message>
  </context>
  <context>
    <name>UnlinkDialog</name>
    <message>
      <source>Unlink</source>
      <translation>Lepas tautan</translation>
    </message>
    <message>
      <source>The two persons are two people after all: both offices stop seeing the other's office and case number.</source>
      <translation>Keduanya ternyata dua orang berbeda: kedua kantor tidak lagi melihat kantor dan nomor kasus yang lain.</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>Unreadable</name>
    <message>
      <source>Some fields cannot be read: {fields}</source>
      <translation>Beberapa isian tidak dapat dibaca: {fields}</translation>
    </message>
  </context>
  <context>
    <name>UnsavedChanges</name>
    <message>
      <source>Unsaved changes</source>
      <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
      <source>This case file has changes that are not saved.</source>
      <translation>Berkas kasus ini memiliki perubahan yang belum disimpan.</translation>
    </message>
    <message>
      <source>Save them before closing?</source>
      <translation>Simpan sebelum ditutup?</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Discard changes</source>
      <translation>Buang perubahan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>UsersView</name>
    <message>
      <source>Active</source>
      <translation>Aktif</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>Nonaktif</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Dihapus</translation>
    </message>
    <message>
      <source>Active, no password</source>
      <translation>Aktif, tanpa kata sandi</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>Nama pengguna</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Peran</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Ditambahkan</translation>
    </message>
    <message>
      <source>Add user…</source>
      <translation>Tambah pengguna…</translation>
    </message>
    <message>
      <source>A new account with its own password</source>
      <translation>Akun baru dengan kata sandinya sendiri</translation>
    </message>
    <message>
      <source>Change role…</source>
      <translation>Ubah peran…</translation>
    </message>
    <message>
      <source>What the chosen user may do</source>
      <translation>Apa yang boleh dilakukan pengguna yang dipilih</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>Nonaktifkan</translation>
    </message>
    <message>
      <source>The user can no longer sign in; their password is deleted</source>
      <translation>Pengguna tidak dapat masuk lagi; kata sandinya dihapus</translation>
    </message>
    <message>
      <source>Enable…</source>
      <translation>Aktifkan…</translation>
    </message>
    <message>
      <source>Let a disabled user sign in again, with a new password</source>
      <translation>Izinkan pengguna nonaktif masuk lagi, dengan kata sandi baru</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>Atur ulang kata sandi…</translation>
    </message>
    <message>
      <source>Set a new password for a user who forgot theirs</source>
      <translation>Atur kata sandi baru untuk pengguna yang lupa kata sandinya</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>Hapus…</translation>
    </message>
    <message>
      <source>Remove the account for good, and re-key the database</source>
      <translation>Hapus akun untuk selamanya, dan ganti kunci basis data</translation>
    </message>
    <message>
      <source>Change my password…</source>
      <translation>Ganti kata sandi saya…</translation>
    </message>
    <message>
      <source>Change the password you sign in with</source>
      <translation>Ganti kata sandi yang Anda pakai untuk masuk</translation>
    </message>
    <message>
      <source>Everyone who works in this register signs in with an account of their own. Disabling keeps the account (the audit trail names it) but deletes its password; removing ends it for good.</source>
      <translation>Setiap orang yang bekerja di register ini masuk dengan akunnya sendiri. Menonaktifkan mempertahankan akun (jejak audit menyebut namanya) tetapi menghapus kata sandinya; menghapus mengakhiri akun untuk selamanya.</translation>
    </message>
    <message>
      <source>Only administrators manage users: adding them, changing roles, resetting passwords. Ask an administrator of your office. You can change your own password here or with File &gt; Change my password.</source>
      <translation>Hanya administrator yang mengelola pengguna: menambahkan, mengubah peran, mengatur ulang kata sandi. Minta administrator kantor Anda. Anda dapat mengganti kata sandi Anda sendiri di sini atau lewat Berkas &gt; Ganti kata sandi saya.</translation>
    </message>
    <message>
      <source>Not for your own account: ask another administrator, or use Change my password.</source>
      <translation>Tidak untuk akun Anda sendiri: minta administrator lain, atau gunakan Ganti kata sandi saya.</translation>
    </message>
    <message>
      <source>{user} is added and can sign in with the password you gave.</source>
      <translation>{user} sudah ditambahkan dan dapat masuk dengan kata sandi yang Anda berikan.</translation>
    </message>
    <message>
      <source>{user} is now {role}.</source>
      <translation>{user} sekarang berperan {role}.</translation>
    </message>
    <message>
      <source>Disable user</source>
      <translation>Nonaktifkan pengguna</translation>
    </message>
    <message>
      <source>Disable {user}? They can no longer sign in, and their password is deleted: to let them back in, enable the account with a new password.</source>
      <translation>Nonaktifkan {user}? Pengguna ini tidak dapat masuk lagi, dan kata sandinya dihapus: untuk mengizinkannya masuk lagi, aktifkan akunnya dengan kata sandi baru.</translation>
    </message>
    <message>
      <source>Disabling…</source>
      <translation>Menonaktifkan…</translation>
    </message>
    <message>
      <source>{user} is disabled.</source>
      <translation>{user} sudah dinonaktifkan.</translation>
    </message>
    <message>
      <source>Enable user</source>
      <translation>Aktifkan pengguna</translation>
    </message>
    <message>
      <source>{user} gets a new password to sign in with (the old one was deleted when the account was disabled).</source>
      <translation>{user} mendapat kata sandi baru untuk masuk (kata sandi lama dihapus saat akun dinonaktifkan).</translation>
    </message>
    <message>
      <source>{user} is enabled and can sign in with the new password.</source>
      <translation>{user} sudah diaktifkan dan dapat masuk dengan kata sandi baru.</translation>
    </message>
    <message>
      <source>Reset password</source>
      <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
      <source>A new password for {user}. Give it to them in person; they can change it with File &gt; Change my password.</source>
      <translation>Kata sandi baru untuk {user}. Berikan secara langsung; pengguna dapat menggantinya lewat Berkas &gt; Ganti kata sandi saya.</translation>
    </message>
    <message>
      <source>The password of {user} is reset.</source>
      <translation>Kata sandi {user} sudah diatur ulang.</translation>
    </message>
    <message>
      <source>{user} is removed and the database is re-keyed.</source>
      <translation>{user} sudah dihapus dan kunci basis data sudah diganti.</translation>
    </message>
    <message>
      <source>{user} is removed.</source>
      <translation>{user} sudah dihapus.</translation>
    </message>
    <message>
      <source>Your password is changed.</source>
      <translation>Kata sandi Anda sudah diganti.</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>Pengguna</translation>
    </message>
  </context>
</TS>
