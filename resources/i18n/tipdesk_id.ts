<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
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
      <source>Yes</source>
      <translation>Ya</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Tidak</translation>
    </message>
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
      <source>History</source>
      <translation>Riwayat</translation>
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
      <source>Choose the service to remove first.</source>
      <translation>Pilih dulu layanan yang akan dihapus.</translation>
    </message>
    <message>
      <source>Service removed.</source>
      <translation>Layanan dihapus.</translation>
    </message>
    <message>
      <source>Add referral…</source>
      <translation>Tambah rujukan…</translation>
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
      <source>YYYY-MM-DD</source>
      <translation>TTTT-BB-HH</translation>
    </message>
    <message>
      <source>Choose a date from the calendar</source>
      <translation>Pilih tanggal dari kalender</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesDialog</name>
    <message>
      <source>Already in the register?</source>
      <translation>Sudah ada di register?</translation>
    </message>
    <message>
      <source>These people in the register may be the person you are entering. Open one of their cases instead, or create the new case anyway.</source>
      <translation>Orang-orang di register ini mungkin orang yang sedang Anda catat. Buka salah satu kasus mereka, atau tetap buat kasus baru.</translation>
    </message>
    <message>
      <source>Open this case</source>
      <translation>Buka kasus ini</translation>
    </message>
    <message>
      <source>Create anyway</source>
      <translation>Tetap buat kasus baru</translation>
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
      <source>My open cases</source>
      <translation>Kasus saya yang berjalan</translation>
    </message>
    <message>
      <source>Follow-ups due this week</source>
      <translation>Tindak lanjut minggu ini</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>Tindak lanjut terlambat</translation>
    </message>
    <message>
      <source>Referrals awaiting a reply</source>
      <translation>Rujukan menunggu jawaban</translation>
    </message>
    <message>
      <source>Referral follow-ups this week</source>
      <translation>Tindak lanjut rujukan minggu ini</translation>
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
      <source>Refresh</source>
      <translation>Muat ulang</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <source>No providers in the directory yet</source>
      <translation>Belum ada penyedia layanan di direktori</translation>
    </message>
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
      <source>Whole page</source>
      <translation>Satu halaman penuh</translation>
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
      <source>Print or save</source>
      <translation>Cetak atau simpan</translation>
    </message>
    <message>
      <source>A printed or saved letter is not encrypted and shows data about a victim. Keep it only where people who are not authorised cannot read it.</source>
      <translation>Surat yang dicetak atau disimpan tidak terenkripsi dan memuat data korban. Simpan hanya di tempat yang tidak dapat dibaca orang yang tidak berwenang.</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Cetak…</translation>
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
      <source>This referral is no longer in the case.</source>
      <translation>Rujukan ini sudah tidak ada di kasus.</translation>
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
      <source>A new letter instead</source>
      <translation>Surat baru sebagai pengganti</translation>
    </message>
    <message>
      <source>Not issued yet. The draft below has no number; the letter gets one when it is issued.</source>
      <translation>Belum diterbitkan. Draf ini belum bernomor; surat mendapat nomor saat diterbitkan.</translation>
    </message>
    <message>
      <source>The referral names letter {number}, which is not in this computer's letter archive; issuing here gives a new number.</source>
      <translation>Rujukan ini menyebut surat nomor {number}, yang tidak ada di arsip surat komputer ini; menerbitkan di sini memberi nomor baru.</translation>
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
      <source>New letter</source>
      <translation>Surat baru</translation>
    </message>
    <message>
      <source>Issue a new letter with a new number instead of {number}?</source>
      <translation>Terbitkan surat baru dengan nomor baru sebagai pengganti surat {number}?</translation>
    </message>
    <message>
      <source>Letter {number} stays in the letter archive. Tell the provider that the new letter replaces it.</source>
      <translation>Surat {number} tetap ada di arsip surat. Beri tahu penyedia layanan bahwa surat baru menggantikannya.</translation>
    </message>
    <message>
      <source>Issue a new letter</source>
      <translation>Terbitkan surat baru</translation>
    </message>
    <message>
      <source>Letter {number} issued; the referral is marked sent.</source>
      <translation>Surat nomor {number} diterbitkan; rujukan ditandai terkirim.</translation>
    </message>
    <message>
      <source>Print letter {number}</source>
      <translation>Cetak surat {number}</translation>
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
      <source>PDF documents (*.pdf)</source>
      <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
      <source>The letter was not saved: {reason}</source>
      <translation>Surat tidak tersimpan: {reason}</translation>
    </message>
    <message>
      <source>Saved as {path}.</source>
      <translation>Tersimpan sebagai {path}.</translation>
    </message>
  </context>
  <context>
    <name>LetterSettingsDialog</name>
    <message>
      <source>Letter settings of the office</source>
      <translation>Pengaturan surat kantor</translation>
    </message>
    <message>
      <source>Must contain {{number}} and {{year}}; can use {names}.</source>
      <translation>Harus memuat {{number}} dan {{year}}; dapat memakai {names}.</translation>
    </message>
    <message>
      <source>How this office's referral letters look and are numbered. Letters already issued keep what they said.</source>
      <translation>Bentuk dan penomoran surat rujukan kantor ini. Surat yang sudah diterbitkan tidak berubah.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
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
    <name>MainWindow</name>
    <message>
      <source>Reports</source>
      <translation>Laporan</translation>
    </message>
    <message>
      <source>Statistics for the reports your office must send, safe to share, come with a later update of TipDesk. Until then, nothing on this screen.</source>
      <translation>Statistik untuk laporan yang wajib dikirim kantor Anda, aman untuk dibagikan, hadir pada pembaruan TipDesk berikutnya. Sampai saat itu layar ini kosong.</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Sinkronisasi</translation>
    </message>
    <message>
      <source>Encrypted, signed batch files for the provincial office (carried on a USB stick) come with a later update of TipDesk. Nothing is exported or imported yet.</source>
      <translation>Berkas batch terenkripsi dan bertanda tangan untuk kantor provinsi (dibawa dengan flashdisk) hadir pada pembaruan TipDesk berikutnya. Belum ada yang diekspor atau diimpor.</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <source>Adding users, roles and password changes come with a later update of TipDesk. Until then the register has the users created with it.</source>
      <translation>Penambahan pengguna, peran, dan penggantian kata sandi hadir pada pembaruan TipDesk berikutnya. Sampai saat itu register memakai pengguna yang dibuat bersamanya.</translation>
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
      <source>&amp;File</source>
      <translation>&amp;Berkas</translation>
    </message>
    <message>
      <source>&amp;New case…</source>
      <translation>Kasus &amp;baru…</translation>
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
      <source>&amp;Help</source>
      <translation>Ban&amp;tuan</translation>
    </message>
    <message>
      <source>&amp;About TipDesk</source>
      <translation>&amp;Tentang TipDesk</translation>
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
      <source>Search providers by name</source>
      <translation>Cari penyedia layanan menurut nama</translation>
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
      <source>All workers</source>
      <translation>Semua petugas</translation>
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
    <name>ServiceDialog</name>
    <message>
      <source>Add a service</source>
      <translation>Tambah layanan</translation>
    </message>
    <message>
      <source>Edit service</source>
      <translation>Ubah layanan</translation>
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
</TS>
