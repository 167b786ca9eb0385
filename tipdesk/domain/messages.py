"""Words for codes: the messages of errors and problems, and the labels of fields.

Plain Python so the command line (no Qt) and the desktop app say the same thing; the app
may still route them through Qt translation. Every entry has Indonesian (``id``) and
English (``en``). Templates are filled with ``str.format`` from the error's parameters,
which never hold personal data.
"""

from __future__ import annotations

from typing import Any

from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Refusals (TipdeskError codes)
    "wrong_password": {
        "id": "Kata sandi salah untuk pengguna '{user}'. Periksa kata sandi lalu coba lagi.",
        "en": "Wrong password for user '{user}'. Check the password and try again.",
    },
    "unknown_user": {
        "id": "Pengguna '{user}' tidak terdaftar di register ini. Pengguna yang ada: {users}.",
        "en": "User '{user}' is not in this register. Users: {users}.",
    },
    "user_required": {
        "id": "Register ini punya beberapa pengguna ({users}); pilih dengan --user "
        "atau TIPDESK_USER.",
        "en": "This register has several users ({users}); choose one with --user or TIPDESK_USER.",
    },
    "not_a_register": {
        "id": "'{path}' bukan register TipDesk ({reason}). Pilih folder register, "
        "atau buat register baru dengan 'tipdesk init'.",
        "en": "'{path}' is not a TipDesk register ({reason}). Choose a register folder, "
        "or create one with 'tipdesk init'.",
    },
    "path_is_a_file": {
        "id": "'{path}' adalah berkas, bukan folder. Pilih tempat lain untuk register.",
        "en": "'{path}' is a file, not a folder. Choose another place for the register.",
    },
    "district_peer": {
        "id": "Kantor kabupaten/kota hanya bertukar paket dengan provinsinya. {code} juga "
        "kantor kabupaten/kota, jadi tidak didaftarkan; data korban tidak dikirim ke "
        "sana.",
        "en": "A district office exchanges batches with its province only. {code} is a "
        "district office too, so it was not enrolled; no victim data goes there.",
    },
    "register_exists": {
        "id": "'{path}' sudah berisi register atau berkas lain. Pilih folder kosong "
        "atau yang belum ada.",
        "en": "'{path}' already holds a register or other files. Choose an empty or new folder.",
    },
    "register_damaged": {
        "id": "Register di '{path}' rusak: {reason}. Pulihkan dari cadangan di folder backups/.",
        "en": "The register at '{path}' is damaged: {reason}. Restore it from a backup in "
        "backups/.",
    },
    "register_busy": {
        "id": "Register sedang dipakai program lain. Tutup TipDesk di tempat lain lalu coba lagi.",
        "en": "The register is in use by another program. Close TipDesk elsewhere and try again.",
    },
    "analysis_copy_not_ready": {
        "id": "Salinan analisis (data tanpa identitas untuk analis) belum siap. Salinan "
        "itu dibuat saat administrator, supervisor atau pekerja kasus masuk ke "
        "register ini; minta salah satu dari mereka masuk sekali, lalu coba lagi.",
        "en": "The analysis copy (the de-identified data analysts work on) is not ready. "
        "It is made when an administrator, supervisor or case worker signs in to "
        "this register; ask one of them to sign in once, then try again.",
    },
    "role_needs_new_password": {
        "id": "Peran '{user}' berubah dari atau menjadi analis, jadi kuncinya juga "
        "berubah: beri kata sandi baru untuk pengguna ini bersama perubahan peran.",
        "en": "'{user}' changes to or from the analyst role, so their key changes too: "
        "give this user a new password with the change of role.",
    },
    # issue 19: the drive or the folder is at fault, never the register
    "disk_full": {
        "id": "Penyimpanan tempat '{path}' penuh, jadi tidak ada yang disimpan; register "
        "tidak rusak. Kosongkan sebagian ruang di penyimpanan itu (atau pilih tempat "
        "lain), lalu coba lagi.",
        "en": "The drive holding '{path}' is full, so nothing was saved; the register is "
        "not damaged. Free some space on that drive (or choose another place), then "
        "try again.",
    },
    "not_writable": {
        "id": "TipDesk tidak dapat menulis di folder '{path}': {reason}. Tidak ada yang "
        "diubah. Pilih folder yang dapat ditulisi, atau buka kunci tulisnya (sakelar "
        "kunci pada flashdisk atau kartu, izin folder), lalu coba lagi.",
        "en": "TipDesk cannot write in the folder '{path}': {reason}. Nothing was changed. "
        "Choose a folder you can write to, or remove the write protection (the lock "
        "switch of a USB stick or card, the folder's permissions), then try again.",
    },
    "register_read_only": {
        "id": "Register di '{path}' berada di penyimpanan atau folder yang hanya dapat "
        "dibaca. TipDesk harus dapat menulis di sana untuk membuka register, bahkan "
        "untuk mencari atau memeriksa (berkas kerja basis data disimpan di sampingnya, "
        "dan setiap masuk serta setiap kasus yang dibuka dicatat), jadi register tidak "
        "dibuka. Register tidak rusak: salin seluruh foldernya ke tempat yang dapat "
        "ditulisi, atau buka kunci tulisnya, lalu buka lagi.",
        "en": "The register at '{path}' is on a read-only drive or in a read-only folder. "
        "TipDesk must be able to write there to open a register, even to search or "
        "check it (the database keeps working files beside it, and every sign-in and "
        "every case opened is recorded), so it was not opened. The register is not "
        "damaged: copy the whole folder to a place you can write to, or remove the "
        "write protection, then open it again.",
    },
    "in_use": {
        "id": "'{path}' sedang dipakai program lain (pemindai antivirus, alat cadangan atau "
        "sinkronisasi awan, atau TipDesk di jendela lain), jadi tidak ada yang diubah. "
        "Tutup program itu atau tunggu sebentar, lalu coba lagi.",
        "en": "'{path}' is in use by another program (an antivirus scan, a backup or "
        "cloud-sync tool, or TipDesk in another window), so nothing was changed. Close "
        "that program or wait a moment, then try again.",
    },
    "drive_error": {
        "id": "Penyimpanan tempat '{path}' gagal dibaca atau ditulisi (kesalahan masukan/"
        "keluaran): mungkin flashdisk dicabut atau penyimpanannya bermasalah. Ini "
        "belum berarti register rusak. Pasang kembali penyimpanannya lalu coba lagi; "
        "bila terus terjadi, jalankan 'tipdesk check'.",
        "en": "The drive holding '{path}' failed to read or write (an input/output error): "
        "perhaps a USB stick was removed, or the drive is failing. This does not mean "
        "the register is damaged. Connect the drive again and try again; if it keeps "
        "happening, run 'tipdesk check'.",
    },
    "key_file_damaged": {
        "id": "Berkas kunci register.keys di '{path}' rusak ({reason}), jadi register tidak "
        "dapat dibuka dengannya; tidak ada yang diubah. Kembalikan salinan "
        "register.keys yang lebih lama, atau pulihkan register dari cadangan "
        "(tipdesk restore).",
        "en": "The key file register.keys in '{path}' is damaged ({reason}), so the "
        "register cannot be unlocked with it; nothing was changed. Put back an earlier "
        "copy of register.keys, or restore the register from a backup "
        "(tipdesk restore).",
    },
    "not_utf8": {
        "id": "Teks untuk {argument} bukan UTF-8 yang sah (terminal atau skrip mengirim "
        "huruf dalam penyandian lain), jadi tidak ada yang disimpan. Atur terminal ke "
        "UTF-8, lalu ketik ulang.",
        "en": "The text given for {argument} is not valid UTF-8 (the terminal or script sent "
        "letters in another encoding), so nothing was saved. Set the terminal to "
        "UTF-8, then type it again.",
    },
    "not_found": {
        "id": "{what} '{key}' tidak ditemukan di register ini.",
        "en": "{what} '{key}' was not found in this register.",
    },
    "unknown_field": {
        "id": "Kolom '{field}' tidak dikenal. Kolom yang dapat diubah: {known}.",
        "en": "Unknown field '{field}'. Fields you can change: {known}.",
    },
    "bad_argument": {
        "id": "{argument}: {reason}",
        "en": "{argument}: {reason}",
    },
    "office_code_taken": {
        "id": "Kantor lain dengan kode {code} sudah terdaftar di sini. Periksa bahwa berkas "
        "kunci ini benar dari kantor itu; jika kantor itu dipasang ulang, hubungi "
        "dukungan TI sebelum mendaftarkannya lagi.",
        "en": "Another office with code {code} is already enrolled here. Check that this "
        "key file really comes from that office; if it was reinstalled, contact IT "
        "support before enrolling it again.",
    },
    "not_permitted": {
        "id": "Peran Anda ({role}) tidak memiliki izin '{permission}'. Minta pengguna "
        "berperan {needed} melakukannya.",
        "en": "Your role ({role}) lacks the permission '{permission}'. Ask a user with the "
        "role {needed} to do it.",
    },
    "consent_to_refer_missing": {
        "id": "Kasus {case_number} belum mencatat persetujuan korban untuk dirujuk (Setuju "
        "menerima layanan). Catat persetujuan di tab Kasus, atau minta supervisor "
        "mengesampingkan dengan alasan.",
        "en": "Case {case_number} has no recorded consent to be referred (Consents to "
        "services). Record the consent on the Case tab, or ask a supervisor to "
        "override with a reason.",
    },
    "override_reason_needed": {
        "id": "Tulis alasan pengesampingan persetujuan (paling sedikit {minimum} huruf); "
        "alasan itu disimpan di arsip surat.",
        "en": "Write the reason for overriding consent (at least {minimum} characters); it "
        "is kept in the letter archive.",
    },
    "letter_settings_incomplete": {
        "id": "Pengaturan surat kantor belum lengkap ({fields}). Administrator melengkapinya "
        "di Kantor > Pengaturan surat.",
        "en": "The office letter settings are incomplete ({fields}). An administrator "
        "completes them in Office > Letter settings.",
    },
    "letter_already_issued": {
        "id": "Rujukan ini sudah punya surat nomor {number}. Cetak ulang surat itu, atau "
        "minta surat baru dengan nomor baru secara tegas (Surat baru dengan nomor "
        "baru di aplikasi, --new di baris perintah).",
        "en": "This referral already has letter {number}. Reprint that letter, or ask for "
        "a new letter with a new number explicitly (New letter with a new number in "
        "the app, --new on the command line).",
    },
    "letter_number_taken": {
        "id": "Nomor {number} baru saja dipakai surat lain; tidak ada surat yang "
        "diterbitkan. Nomor berikutnya adalah {next}.",
        "en": "Number {number} was just taken by another letter; no letter was issued. "
        "The next number is {next}.",
    },
    "no_letter_issued": {
        "id": "Belum ada surat untuk rujukan ini di register ini; terbitkan dulu.",
        "en": "No letter has been issued for this referral in this register yet; issue one first.",
    },
    "identity_consent_withdrawn": {
        "id": "Surat {number} memuat nama dan NIK, tetapi persetujuan berbagi identitas "
        "kini tidak tercatat. Surat itu tidak dicetak ulang; terbitkan surat baru "
        "tanpa identitas.",
        "en": "Letter {number} shows the name and NIK, but consent to share identity is "
        "no longer recorded. It is not reprinted; issue a new letter without them.",
    },
    "letter_damaged": {
        "id": "Arsip surat {number} tidak cocok dengan sidik SHA-256-nya; register mungkin "
        "rusak. Jalankan 'tipdesk check'.",
        "en": "The archived letter {number} does not match its SHA-256; the register may "
        "be damaged. Run 'tipdesk check'.",
    },
    "letter_language_differs": {
        "id": "Surat {number} diterbitkan dalam {language}; cetak ulang menghasilkan surat "
        "yang sama. Untuk bahasa lain, minta surat baru.",
        "en": "Letter {number} was issued in {language}; a reprint reproduces it as "
        "issued. For another language, ask for a new letter.",
    },
    "reply_not_allowed": {
        "id": "Balasan hanya dicatat untuk rujukan yang suratnya sudah dikirim (status "
        "sekarang: {status}).",
        "en": "A reply can be recorded only for a referral whose letter was sent (status "
        "now: {status}).",
    },
    "password_too_short": {
        "id": "Kata sandi terlalu pendek: gunakan paling sedikit {minimum} karakter.",
        "en": "The password is too short: use at least {minimum} characters.",
    },
    "password_needed": {
        "id": "Tidak ada terminal untuk menanyakan kata sandi; isi variabel TIPDESK_PASSWORD.",
        "en": "There is no terminal to ask for the password; set TIPDESK_PASSWORD.",
    },
    "passwords_differ": {
        "id": "Kedua kata sandi berbeda; tidak ada yang dibuat. Coba lagi.",
        "en": "The two passwords differ; nothing was created. Try again.",
    },
    "not_an_assignment": {
        "id": "--set '{item}' bukan bentuk KOLOM=NILAI, mis. --set risk_level=high.",
        "en": "--set '{item}' is not FIELD=VALUE, e.g. --set risk_level=high.",
    },
    "cancelled": {
        "id": "Dibatalkan; tidak ada yang diubah.",
        "en": "Cancelled; nothing was changed.",
    },
    "helper_stopped": {
        "id": "Proses pembantu TipDesk berhenti sebelum selesai (mungkin memori komputer "
        "tidak cukup); tidak ada yang diubah. Tutup program lain, lalu coba lagi.",
        "en": "A helper process of TipDesk stopped before it was done (perhaps the "
        "computer ran short of memory); nothing was changed. Close other programs, "
        "then try again.",
    },
    "validation_failed": {
        "id": "Data tidak disimpan; perbaiki kolom berikut: {fields}.",
        "en": "Nothing was saved; correct these fields: {fields}.",
    },
    # Sync: office key files and batch files
    "bad_key_file": {
        "id": "Berkas ini bukan berkas kunci kantor TipDesk (.tipkey) yang sah ({reason}). "
        "Minta kantor itu mengirim ulang berkas kuncinya, diekspor dari TipDesk "
        "tanpa diubah.",
        "en": "This is not a valid TipDesk office key file (.tipkey) ({reason}). Ask the "
        "office to send its key file again, exported from TipDesk and unchanged.",
    },
    "fingerprint_mismatch": {
        "id": "Kode pengaman yang diketik tidak cocok dengan berkas kunci kantor {office}; "
        "kantor itu tidak didaftarkan. Bacakan ulang kode pengamannya lewat telepon "
        "dengan kantor tersebut; bila tetap berbeda, minta berkas kunci baru.",
        "en": "The fingerprint you typed does not match the key file of office {office}; "
        "it was not enrolled. Read the fingerprint again over the phone with that "
        "office; if it still differs, ask for a new key file.",
    },
    "not_a_batch": {
        "id": "Berkas ini bukan berkas paket TipDesk (.tipbatch), atau kosong. Pilih "
        "berkas .tipbatch yang diekspor TipDesk.",
        "en": "This file is not a TipDesk batch file (.tipbatch), or it is empty. Choose "
        "a .tipbatch file exported by TipDesk.",
    },
    "batch_damaged": {
        "id": "Berkas paket rusak ({reason}); tidak ada yang diimpor. Minta kantor "
        "pengirim mengekspor ulang, lalu salin berkasnya lagi.",
        "en": "The batch file is damaged ({reason}); nothing was imported. Ask the sending "
        "office to export again, and copy the file again.",
    },
    "batch_overreach": {
        "id": "Paket dari {office} mengubah {what} {record}, yang bukan wewenang kantor "
        "itu; tidak ada yang diimpor. Jangan impor lagi paket dari kantor ini "
        "sebelum diperiksa, dan beri tahu administrator.",
        "en": "The batch from {office} changes {what} {record}, which is not that "
        "office's to change; nothing was imported. Do not import more batches from "
        "that office until it has been checked, and tell your administrator.",
    },
    "not_our_record": {
        "id": "{what} ini milik kantor {office}; hanya kantor itu yang dapat mengubahnya. "
        "Minta kantor {office} mengubahnya, atau tambahkan {what} baru milik kantor "
        "ini.",
        "en": "This {what} belongs to office {office}; only that office can change it. Ask "
        "{office} to change it, or add a new {what} of this office.",
    },
    "batch_entry_refused": {
        "id": "Paket dari {office} ditolak: {what} {record}, isian '{field}': {problem}. "
        "Tidak ada yang diimpor. Minta kantor itu memperbaiki rekaman tersebut lalu "
        "mengekspor ulang.",
        "en": "The batch from {office} was refused: {what} {record}, field '{field}': "
        "{problem}. Nothing was imported. Ask that office to correct the record and "
        "export again.",
    },
    "batch_sequence_wrong": {
        "id": "Nomor urut paket dari {office} tidak cocok dengan perubahan yang dibawanya; "
        "tidak ada yang diimpor. Minta kantor itu mengekspor ulang dan beri tahu "
        "administrator.",
        "en": "The sequence numbers of the batch from {office} do not match the changes it "
        "carries; nothing was imported. Ask that office to export again, and tell "
        "your administrator.",
    },
    "batch_not_for_this_office": {
        "id": "Berkas paket ini tidak dibuat untuk kantor ini (atau dikunci untuk kunci "
        "yang tidak lagi dimiliki kantor ini); tidak ada yang diimpor. Minta kantor "
        "pengirim memastikan berkas kunci terbaru kantor ini sudah didaftarkan, lalu "
        "mengekspor ulang untuk kantor ini.",
        "en": "This batch was not made for this office (or was locked to a key this office "
        "no longer has); nothing was imported. Ask the sending office to check that "
        "it enrolled this office's latest key file, then export again for this "
        "office.",
    },
    "unknown_sender": {
        "id": "Berkas paket berasal dari kantor yang belum terdaftar di sini (atau yang "
        "telah mengganti kuncinya); tidak ada yang diimpor. Daftarkan kantor itu "
        "dahulu dengan berkas kuncinya dan cocokkan kode pengamannya lewat telepon.",
        "en": "The batch comes from an office that is not enrolled here (or that changed "
        "its key); nothing was imported. Enrol the office first with its key file, "
        "and confirm its fingerprint over the phone.",
    },
    "bad_signature": {
        "id": "Tanda tangan berkas paket tidak cocok dengan kunci kantor pengirim yang "
        "terdaftar; berkas mungkin telah diubah. Tidak ada yang diimpor. Jangan pakai "
        "berkas ini: minta kantor pengirim mengekspor ulang dan beri tahu "
        "administrator.",
        "en": "The batch's signature does not match the sending office's enrolled key; the "
        "file may have been altered. Nothing was imported. Do not use this file: ask "
        "the sending office to export again, and tell your administrator.",
    },
    "batch_format_too_new": {
        "id": "Berkas paket dibuat oleh TipDesk yang lebih baru (format {version}); tidak "
        "ada yang diimpor. Perbarui TipDesk di komputer ini, lalu impor lagi.",
        "en": "The batch was made by a newer TipDesk (format {version}); nothing was "
        "imported. Update TipDesk on this computer, then import again.",
    },
    # Problems (validation codes)
    "required": {"id": "wajib diisi.", "en": "is required."},
    "too_long": {
        "id": "terlalu panjang (paling banyak {max} karakter).",
        "en": "is too long (at most {max} characters).",
    },
    "unknown_code": {
        "id": "'{value}' bukan pilihan yang sah; pilihan: {choices}.",
        "en": "'{value}' is not one of the allowed choices: {choices}.",
    },
    "control_character": {
        "id": "berisi karakter kendali yang tidak boleh ada dalam teks.",
        "en": "holds a control character no text may hold.",
    },
    "unreadable_value": {
        "id": "nilainya tidak dapat dibaca (bentuknya salah).",
        "en": "its value cannot be read (wrong shape).",
    },
    "unreadable_date": {
        "id": "bukan tanggal yang ada di kalender.",
        "en": "is not a date that exists.",
    },
    "unreadable_number": {
        "id": "bukan bilangan bulat yang dapat disimpan.",
        "en": "is not a whole number that can be stored.",
    },
    "unreadable_flag": {"id": "bukan ya/tidak.", "en": "is not yes/no."},
    "one_line": {
        "id": "harus satu baris, tanpa ganti baris atau tab.",
        "en": "must be one line, without line breaks or tabs.",
    },
    "duplicate_code": {"id": "ada pilihan yang diulang.", "en": "lists a choice twice."},
    "date_in_future": {
        "id": "tanggal {value} belum terjadi; isi tanggal hari ini atau sebelumnya.",
        "en": "date {value} is in the future; enter today or earlier.",
    },
    "date_too_early": {
        "id": "tanggal {value} terlalu lampau.",
        "en": "date {value} is too far in the past.",
    },
    "invalid_date": {
        "id": "'{value}' bukan tanggal; tulis HH/BB/TTTT, mis. 28/11/2026.",
        "en": "'{value}' is not a date; write DD/MM/YYYY, e.g. 28/11/2026.",
    },
    "invalid_number": {"id": "'{value}' bukan angka.", "en": "'{value}' is not a number."},
    "invalid_flag": {
        "id": "'{value}' bukan ya/tidak; tulis yes atau no.",
        "en": "'{value}' is not yes/no; write yes or no.",
    },
    "not_editable": {"id": "tidak dapat diubah langsung.", "en": "cannot be changed directly."},
    "age_out_of_range": {
        "id": "umur {value} tidak mungkin (0 sampai {max} tahun).",
        "en": "age {value} is not possible (0 to {max} years).",
    },
    # Shown after the field's label ("NIK: harus 16 digit angka."): the label says "NIK".
    "nik_format": {"id": "harus 16 digit angka.", "en": "must be 16 digits."},
    "nik_wilayah": {
        "id": "kode kabupaten/kota dan kecamatan di NIK tidak boleh 00.",
        "en": "the regency and district codes in a NIK cannot be 00.",
    },
    "nik_birth_date": {
        "id": "tanggal lahir di dalam NIK tidak ada di kalender.",
        "en": "the birth date inside the NIK is not a real date.",
    },
    "nik_serial": {
        "id": "nomor urut NIK tidak boleh 0000.",
        "en": "the serial part of a NIK cannot be 0000.",
    },
    "nik_province": {
        "id": "kode provinsi di NIK tidak dikenal (periksa kembali).",
        "en": "the province code in the NIK is not known (please check).",
    },
    "nik_wilayah_unknown": {
        "id": "kode wilayah NIK tidak ada di daftar Kemendagri terbaru (mungkin kode lama).",
        "en": "the NIK's region code is not in today's Kemendagri list (may be an old code).",
    },
    "nik_sex_mismatch": {
        "id": "jenis kelamin di NIK berbeda dengan isian jenis kelamin.",
        "en": "the sex encoded in the NIK differs from the sex entered.",
    },
    "nik_birth_date_mismatch": {
        "id": "tanggal lahir di NIK berbeda dengan tanggal lahir.",
        "en": "the birth date in the NIK differs from the birth date.",
    },
    "invalid_phone": {
        "id": "nomor telepon harus 7 sampai 15 digit.",
        "en": "a phone number has 7 to 15 digits.",
    },
    "invalid_email": {"id": "alamat e-mail tidak sah.", "en": "is not a valid e-mail address."},
    "invalid_region_code": {
        "id": "'{value}' bukan kode wilayah Kemendagri (PP.KK.CC.DDDD).",
        "en": "'{value}' is not a Kemendagri region code (PP.KK.CC.DDDD).",
    },
    "unknown_region_code": {
        "id": "kode wilayah '{value}' tidak ada di daftar Kemendagri.",
        "en": "region code '{value}' is not in the Kemendagri list.",
    },
    "guardian_missing": {
        "id": "anak di bawah 18 tahun: isi nama wali.",
        "en": "a child under 18: enter the guardian's name.",
    },
    "closure_date_required": {
        "id": "kasus yang ditutup perlu tanggal penutupan.",
        "en": "a closed case needs a closure date.",
    },
    "closure_reason_required": {
        "id": "kasus yang ditutup perlu alasan penutupan.",
        "en": "a closed case needs a closure reason.",
    },
    "closed_on_for_open_case": {
        "id": "kasus yang belum ditutup tidak boleh punya tanggal penutupan.",
        "en": "a case that is not closed cannot have a closure date.",
    },
    "before_opening": {
        "id": "tidak boleh sebelum tanggal kasus dibuka ({opened_on}).",
        "en": "cannot be before the case was opened ({opened_on}).",
    },
    "sector_without_forced_labour": {
        "id": "sektor kerja hanya berlaku untuk kerja paksa.",
        "en": "a labour sector applies only to forced labour.",
    },
    "consent_date_missing": {
        "id": "persetujuan dicatat tanpa tanggal.",
        "en": "consent is recorded without a date.",
    },
    "ends_before_start": {
        "id": "tanggal selesai sebelum tanggal mulai.",
        "en": "ends before it starts.",
    },
    "reply_before_letter": {
        "id": "balasan tercatat sebelum tanggal surat.",
        "en": "the reply is dated before the letter.",
    },
    "invalid_office_code": {
        "id": "kode kantor '{value}' harus 2-12 huruf besar atau angka.",
        "en": "office code '{value}' must be 2-12 capital letters or digits.",
    },
    "invalid_username": {
        "id": "nama pengguna '{value}' hanya boleh huruf kecil, angka, titik, garis.",
        "en": "username '{value}' may use only lower-case letters, digits, dots and dashes.",
    },
    "pattern_unknown": {
        "id": "{name} tidak dikenal; yang dapat dipakai: {{classification}}, "
        "{{number}}, {{unit}}, {{month}}, {{month_roman}}, {{year}}, "
        "{{office}}.",
        "en": "{name} is not known; you can use {{classification}}, "
        "{{number}}, {{unit}}, {{month}}, {{month_roman}}, {{year}}, "
        "{{office}}.",
    },
    "pattern_missing": {
        "id": "harus memuat {name}, agar nomor surat tidak pernah berulang.",
        "en": "must contain {name}, so that no letter number repeats.",
    },
    "pattern_malformed": {
        "id": "kurung kurawal tidak berpasangan atau berisi format; tulis "
        "misalnya {{classification}}/{{number}}/{{unit}}/{{year}}.",
        "en": "unmatched or formatted braces; write for example "
        "{{classification}}/{{number}}/{{unit}}/{{year}}.",
    },
    "unprintable_characters": {
        "id": "{count} huruf tidak dapat dicetak oleh huruf surat dan akan tampil sebagai "
        "kotak; tulis nama dengan huruf Latin.",
        "en": "{count} characters cannot be printed by the letter's fonts and will show as "
        "boxes; write the name in Latin letters.",
    },
    "invalid_nip": {
        "id": "NIP hanya boleh berisi angka.",
        "en": "the NIP may contain digits only.",
    },
    "nip_length": {
        "id": "NIP biasanya 18 angka; yang tertulis {digits} angka.",
        "en": "a NIP usually has 18 digits; this one has {digits}.",
    },
    "invalid_logo": {
        "id": "logo harus gambar PNG atau JPEG.",
        "en": "the logo must be a PNG or JPEG image.",
    },
    "logo_too_large": {
        "id": "logo lebih besar dari {max_kb} KB; perkecil gambarnya.",
        "en": "the logo is larger than {max_kb} KB; use a smaller image.",
    },
    "unknown_reference": {
        "id": "{what} '{value}' tidak ada di register.",
        "en": "{what} '{value}' is not in this register.",
    },
    "kept_registered_value": {
        "id": "tetap '{kept}' seperti tercatat; yang Anda ketik ('{typed}') tidak disimpan. "
        "Ubah di tab Korban bila lebih baru.",
        "en": "kept as registered ('{kept}'); what you typed ('{typed}') was not saved. "
        "Change it on the Person tab if it is newer.",
    },
    "duplicate_nik": {
        "id": "NIK ini sudah tercatat untuk orang lain ({register_number}).",
        "en": "this NIK is already recorded for another person ({register_number}).",
    },
}

# --- issue 6: access (users, roles, permissions, audit trail, sign-in) ---
MESSAGES.update(
    {
        "sign_in_delayed": {
            "id": "Terlalu banyak percobaan gagal untuk pengguna '{user}'. Tunggu {seconds} "
            "detik lalu coba lagi; jika kata sandi terlupa, minta admin mengatur ulang.",
            "en": "Too many failed attempts for user '{user}'. Wait {seconds} seconds and try "
            "again; if the password is forgotten, ask an admin to reset it.",
        },
        "user_exists": {
            "id": "Pengguna '{user}' sudah ada di register ini. Pilih nama pengguna lain.",
            "en": "User '{user}' already exists in this register. Choose another username.",
        },
        "last_admin": {
            "id": "'{user}' adalah admin aktif terakhir; register harus punya setidaknya satu. "
            "Jadikan pengguna lain admin lebih dahulu.",
            "en": "'{user}' is the last active admin; a register needs at least one. Make "
            "another user an admin first.",
        },
        "not_yourself": {
            "id": "Anda tidak dapat menonaktifkan atau menghapus akun Anda sendiri; minta admin "
            "lain melakukannya.",
            "en": "You cannot disable or remove your own account; ask another admin to do it.",
        },
        "closure_needs_supervisor": {
            "id": "Menutup kasus {case_number} perlu persetujuan supervisor. Minta supervisor "
            "menyimpan penutupan ini.",
            "en": "Closing case {case_number} needs a supervisor's approval. Ask a supervisor "
            "to save the closure.",
        },
        "user_disabled": {
            "id": "Akun '{user}' dinonaktifkan. Minta admin mengaktifkannya kembali.",
            "en": "The account '{user}' is disabled. Ask an admin to enable it again.",
        },
    }
)

# --- issue 6: backup, restore, right of access and erasure ---
MESSAGES.update(
    {
        "not_a_backup": {
            "id": "Berkas ini bukan cadangan TipDesk (.tipbackup) ({reason}). Pilih berkas "
            "cadangan yang dibuat dengan 'tipdesk backup' atau dari folder backups/.",
            "en": "This file is not a TipDesk backup (.tipbackup) ({reason}). Choose a backup "
            "made with 'tipdesk backup' or one from the backups/ folder.",
        },
        "backup_damaged": {
            "id": "Berkas cadangan rusak ({reason}); tidak ada yang dipulihkan. Pakai salinan "
            "cadangan lain, atau cadangan harian yang lebih lama di folder backups/.",
            "en": "The backup file is damaged ({reason}); nothing was restored. Use another "
            "copy of the backup, or an older daily backup from the backups/ folder.",
        },
        "backup_too_new": {
            "id": "Cadangan ini dibuat oleh TipDesk yang lebih baru ({version}); tidak ada yang "
            "dipulihkan. Perbarui TipDesk di komputer ini, lalu pulihkan lagi.",
            "en": "This backup was made by a newer TipDesk ({version}); nothing was restored. "
            "Update TipDesk on this computer, then restore again.",
        },
        "output_exists": {
            "id": "Berkas '{path}' sudah ada dan tidak ditimpa. Pilih nama berkas lain, atau "
            "sebuah folder.",
            "en": "The file '{path}' already exists and is not overwritten. Choose another file "
            "name, or a folder.",
        },
        "unknown_erasure_reason": {
            "id": "Alasan penghapusan tidak dikenal. Pilih salah satu: {known}.",
            "en": "Unknown reason for erasure. Choose one of: {known}.",
        },
        "already_erased": {
            "id": "Data orang pada kasus {case_number} sudah dihapus sebelumnya; tidak ada yang "
            "berubah.",
            "en": "The data of the person of case {case_number} was erased before; nothing "
            "changed.",
        },
        "erasure_not_confirmed": {
            "id": "Penghapusan data orang pada kasus {case_number} tidak dapat dibatalkan. "
            "Periksa nomor kasus, lalu jalankan lagi dengan --yes.",
            "en": "Erasing the data of the person of case {case_number} cannot be undone. "
            "Check the case number, then run again with --yes.",
        },
    }
)

FIELD_LABELS: dict[str, dict[str, str]] = {
    "full_name": {"id": "Nama lengkap", "en": "Full name"},
    "alias": {"id": "Nama panggilan", "en": "Alias"},
    "sex": {"id": "Jenis kelamin", "en": "Sex"},
    "birth_date": {"id": "Tanggal lahir", "en": "Birth date"},
    "estimated_age": {"id": "Perkiraan umur", "en": "Estimated age"},
    "nik": {"id": "NIK", "en": "NIK"},
    "nationality": {"id": "Kewarganegaraan", "en": "Nationality"},
    "phone": {"id": "Telepon", "en": "Phone"},
    "address": {"id": "Alamat", "en": "Address"},
    "region_code": {"id": "Kode wilayah", "en": "Region code"},
    "education": {"id": "Pendidikan", "en": "Education"},
    "occupation": {"id": "Pekerjaan", "en": "Occupation"},
    "disability": {"id": "Disabilitas", "en": "Disability"},
    "marital_status": {"id": "Status perkawinan", "en": "Marital status"},
    "language": {"id": "Bahasa", "en": "Language"},
    "guardian_name": {"id": "Nama wali", "en": "Guardian's name"},
    "guardian_relationship": {"id": "Hubungan wali", "en": "Guardian's relationship"},
    "guardian_phone": {"id": "Telepon wali", "en": "Guardian's phone"},
    "case_number": {"id": "Nomor kasus", "en": "Case number"},
    "register_number": {"id": "Nomor registrasi", "en": "Register number"},
    "person_id": {"id": "Korban", "en": "Person"},
    "opened_on": {"id": "Tanggal dibuka", "en": "Opened on"},
    "intake_source": {"id": "Sumber pengaduan", "en": "Intake source"},
    "status": {"id": "Status", "en": "Status"},
    "risk_level": {"id": "Tingkat risiko", "en": "Risk level"},
    "assigned_to": {"id": "Pendamping", "en": "Assigned worker"},
    "trafficking_status": {"id": "Status TPPO", "en": "Trafficking status"},
    "exploitation_types": {"id": "Bentuk eksploitasi", "en": "Exploitation types"},
    "labour_sector": {"id": "Sektor kerja", "en": "Labour sector"},
    "means_of_control": {"id": "Cara pengendalian", "en": "Means of control"},
    "recruitment_method": {"id": "Cara perekrutan", "en": "Recruitment method"},
    "recruiter_relationship": {"id": "Hubungan dengan perekrut", "en": "Recruiter relationship"},
    "recruitment_region": {"id": "Wilayah perekrutan", "en": "Recruitment region"},
    "recruitment_place": {"id": "Tempat perekrutan", "en": "Recruitment place"},
    "transit_countries": {"id": "Negara transit", "en": "Transit countries"},
    "transit_place": {"id": "Tempat transit", "en": "Transit place"},
    "exploitation_country": {"id": "Negara eksploitasi", "en": "Country of exploitation"},
    "exploitation_place": {"id": "Tempat eksploitasi", "en": "Place of exploitation"},
    "cross_border": {"id": "Lintas negara", "en": "Cross-border"},
    "migrant_worker": {"id": "Pekerja migran", "en": "Migrant worker"},
    "consent_services": {"id": "Setuju menerima layanan", "en": "Consents to services"},
    "consent_share": {
        "id": "Setuju identitas dibagikan ke penyedia layanan",
        "en": "Consents to sharing identity with providers",
    },
    "consent_statistics": {
        "id": "Setuju masuk statistik anonim",
        "en": "Consents to anonymous statistics",
    },
    "consent_date": {"id": "Tanggal persetujuan", "en": "Consent date"},
    "consent_by": {"id": "Persetujuan diberikan oleh", "en": "Consent given by"},
    "follow_up_on": {"id": "Tindak lanjut berikutnya", "en": "Next follow-up"},
    "closed_on": {"id": "Tanggal ditutup", "en": "Closed on"},
    "closure_reason": {"id": "Alasan penutupan", "en": "Closure reason"},
    "summary": {"id": "Kronologi singkat", "en": "Summary"},
    "case_id": {"id": "Kasus", "en": "Case"},
    "service_type": {"id": "Jenis layanan", "en": "Service type"},
    "provider_id": {"id": "Penyedia layanan", "en": "Provider"},
    "planned_on": {"id": "Direncanakan", "en": "Planned on"},
    "started_on": {"id": "Mulai", "en": "Started on"},
    "completed_on": {"id": "Selesai", "en": "Completed on"},
    "description": {"id": "Uraian", "en": "Description"},
    "outcome": {"id": "Hasil", "en": "Outcome"},
    "services_requested": {"id": "Layanan yang diminta", "en": "Services requested"},
    "reason": {"id": "Alasan rujukan", "en": "Reason"},
    "urgency": {"id": "Tingkat kedaruratan", "en": "Urgency"},
    "letter_number": {"id": "Nomor surat", "en": "Letter number"},
    "letter_date": {"id": "Tanggal surat", "en": "Letter date"},
    "response": {"id": "Tanggapan", "en": "Response"},
    "responded_on": {"id": "Tanggal tanggapan", "en": "Responded on"},
    "name": {"id": "Nama", "en": "Name"},
    "provider_type": {"id": "Jenis penyedia", "en": "Provider type"},
    "email": {"id": "E-mail", "en": "E-mail"},
    "contact_person": {"id": "Narahubung", "en": "Contact person"},
    "contact_title": {"id": "Jabatan narahubung", "en": "Contact's title"},
    "services_offered": {"id": "Layanan yang tersedia", "en": "Services offered"},
    "noted_on": {"id": "Tanggal catatan", "en": "Note date"},
    "text": {"id": "Catatan", "en": "Note"},
    "code": {"id": "Kode kantor", "en": "Office code"},
    "level": {"id": "Tingkat kantor", "en": "Office level"},
    "letterhead": {"id": "Kop surat", "en": "Letterhead"},
    "head_name": {"id": "Nama kepala kantor", "en": "Head of office"},
    "head_title": {"id": "Jabatan kepala kantor", "en": "Head of office's title"},
    "head_nip": {"id": "NIP kepala kantor", "en": "Head of office's NIP"},
    "address_lines": {"id": "Alamat dan kontak", "en": "Address and contacts"},
    "logo": {"id": "Logo", "en": "Logo"},
    "city": {"id": "Kota pada tanggal surat", "en": "City on the date line"},
    "number_pattern": {"id": "Pola nomor surat", "en": "Letter number pattern"},
    "classification_child": {"id": "Kode klasifikasi (anak)", "en": "Classification code (child)"},
    "classification_adult": {
        "id": "Kode klasifikasi (dewasa)",
        "en": "Classification code (adult)",
    },
    "unit_code": {"id": "Kode unit", "en": "Unit code"},
    "signatory_title": {"id": "Jabatan penanda tangan", "en": "Signatory's title"},
    "signatory_name": {"id": "Nama penanda tangan", "en": "Signatory's name"},
    "signatory_rank": {"id": "Pangkat/golongan penanda tangan", "en": "Signatory's rank"},
    "signatory_nip": {"id": "NIP penanda tangan", "en": "Signatory's NIP"},
    "copies": {"id": "Tembusan", "en": "Copies to"},
    "letter": {"id": "Surat", "en": "Letter"},
    "attachments": {"id": "Lampiran", "en": "Attachments"},
    "paper": {"id": "Ukuran kertas", "en": "Paper size"},
    "username": {"id": "Nama pengguna", "en": "Username"},
    "display_name": {"id": "Nama tampilan", "en": "Display name"},
    "role": {"id": "Peran", "en": "Role"},
    "active": {"id": "Aktif", "en": "Active"},
}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "id"


def field_label(name: str, lang: str = "id") -> str:
    labels = FIELD_LABELS.get(name)
    return labels[_lang(lang)] if labels else name


# What a message names as not found or missing (``what``), said in each language.
_THINGS = {
    "case": {"id": "Kasus", "en": "Case"},
    "person": {"id": "Orang", "en": "Person"},
    "conflict": {"id": "Konflik", "en": "Conflict"},
    "figure": {"id": "Angka", "en": "Figure"},
    "office": {"id": "Kantor", "en": "Office"},
    "provider": {"id": "Penyedia layanan", "en": "Provider"},
    "referral": {"id": "Rujukan", "en": "Referral"},
    "service": {"id": "Layanan", "en": "Service"},
    "casenote": {"id": "Catatan kasus", "en": "Case note"},
    "held_batch": {"id": "Paket yang ditahan", "en": "Held batch"},
}


def _said(name: str, value: Any, lang: str) -> Any:
    """A parameter's value in ``lang`` when it is a word of ours (a thing, a reason)."""
    if isinstance(value, str) and name == "problem":
        return problem_words(value, lang)
    if isinstance(value, str) and name == "field":
        return field_label(value, lang)
    words = _WORDS.get(name)
    if words is not None and isinstance(value, str) and value in words:
        return words[value][_lang(lang)]
    return value


def _fill(code: str, params: dict[str, Any], lang: str) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return code
    params = {name: _said(name, value, lang) for name, value in params.items()}
    try:
        return template[_lang(lang)].format(**params)
    except (KeyError, IndexError):
        return template[_lang(lang)]


def describe_problem(problem: Problem, lang: str = "id") -> str:
    """``Tanggal lahir: tanggal 2030-01-01 belum terjadi; ...``"""
    return f"{field_label(problem.field, lang)}: {_fill(problem.code, problem.params, lang)}"


def describe_error(error: TipdeskError, lang: str = "id") -> str:
    """One line saying what happened and what to do."""
    if isinstance(error, ValidationFailed):
        fields = ", ".join(
            dict.fromkeys(field_label(p.field, lang) for p in error.problems if p.is_error)
        )
        return _fill(error.code, {"fields": fields}, lang)
    return _fill(error.code, error.params, lang)


# --- issue 7: report files ---
MESSAGES.update(
    {
        "report_format_unknown": {
            "id": "Format laporan '{format}' tidak dikenal. Pilih salah satu: {known}.",
            "en": "Unknown report format '{format}'. Choose one of: {known}.",
        },
    }
)

# Why a file or folder was refused (the ``reason`` of a refusal), said in each language.
# A reason not listed here is shown as it was given.
REASONS: dict[str, dict[str, str]] = {
    # batches and backups
    "compression": {"id": "cara pemadatannya tidak dikenal", "en": "unknown compression"},
    "content": {
        "id": "isinya tidak dapat disimpan di register",
        "en": "its content cannot be written to the register",
    },
    "entry": {"id": "ada baris perubahan yang tidak sah", "en": "a change entry is malformed"},
    "header": {"id": "kepala berkas tidak sah", "en": "the file header is malformed"},
    "manifest": {"id": "daftar isinya tidak sah", "en": "the manifest is malformed"},
    "member_hash": {
        "id": "salah satu bagiannya tidak cocok dengan hash-nya",
        "en": "a part does not match its checksum",
    },
    "member_size": {
        "id": "ukuran salah satu bagiannya tidak sesuai",
        "en": "a part has the wrong size",
    },
    "members": {
        "id": "bagian-bagiannya kurang atau berlebih",
        "en": "parts are missing or unexpected",
    },
    "payload": {
        "id": "isi terenkripsinya tidak dapat dibuka",
        "en": "the encrypted content cannot be opened",
    },
    "too_large": {"id": "berkasnya terlalu besar", "en": "the file is too large"},
    "truncated": {"id": "berkasnya terpotong", "en": "the file is cut short"},
    "value": {"id": "ada nilai yang tidak sah", "en": "a value is not valid"},
    "zip": {"id": "bukan arsip zip yang utuh", "en": "not a complete zip archive"},
    "check": {
        "id": "salinan yang dipulihkan tidak lolos pemeriksaan",
        "en": "the restored copy fails the check",
    },
    "office": {
        "id": "cadangan ini milik kantor lain",
        "en": "the backup belongs to another office",
    },
    "no manifest": {"id": "tidak ada daftar isi", "en": "it has no manifest"},
    "no such file": {"id": "berkas tidak ada", "en": "no such file"},
    "not a zip file": {"id": "bukan arsip zip", "en": "not a zip archive"},
    "destination": {"id": "ditujukan ke kantor lain", "en": "addressed to another office"},
    "no_matching_key": {
        "id": "tidak ada kunci kantor ini yang dapat membukanya",
        "en": "no key of this office opens it",
    },
    # key files and signatures
    "base64": {
        "id": "ada kunci yang tidak tertulis dalam base64 yang sah",
        "en": "a key is not valid base64",
    },
    "code": {"id": "kode kantornya tidak sah", "en": "the office code is not valid"},
    "created_at": {"id": "tanggal pembuatannya tidak sah", "en": "the creation date is not valid"},
    "field_type": {"id": "ada isian dengan jenis yang salah", "en": "a field has the wrong type"},
    "fields": {"id": "isiannya kurang atau berlebih", "en": "fields are missing or unexpected"},
    "format": {"id": "formatnya tidak dikenal", "en": "unknown format"},
    "key_length": {"id": "panjang salah satu kuncinya salah", "en": "a key has the wrong length"},
    "level": {"id": "tingkat kantornya tidak sah", "en": "the office level is not valid"},
    "name": {"id": "nama kantornya tidak sah", "en": "the office name is not valid"},
    "not_json": {"id": "bukan JSON", "en": "not JSON"},
    "office_id": {"id": "id kantornya tidak sah", "en": "the office id is not valid"},
    "recipient": {"id": "kunci penerimanya tidak sah", "en": "a recipient key is not valid"},
    "rotation": {
        "id": "penggantian kuncinya tidak ditandatangani dengan benar oleh kunci lama",
        "en": "the key change is not properly signed by the old key",
    },
    "malformed": {"id": "tanda tangannya tidak berbentuk sah", "en": "the signature is malformed"},
    "origin": {
        "id": "ditandatangani kantor lain daripada yang disebut di dalamnya",
        "en": "signed by another office than the one it names",
    },
    "signature": {"id": "tanda tangannya tidak cocok", "en": "the signature does not match"},
    # registers
    "it is a file, not a folder": {
        "id": "ini berkas, bukan folder",
        "en": "it is a file, not a folder",
    },
    "the folder does not exist": {"id": "folder itu tidak ada", "en": "the folder does not exist"},
    "register.keys is missing": {"id": "register.keys tidak ada", "en": "register.keys is missing"},
    "register.keys has an unknown format": {
        "id": "format register.keys tidak dikenal",
        "en": "register.keys has an unknown format",
    },
    "register.keys is not readable": {
        "id": "register.keys tidak dapat dibaca",
        "en": "register.keys is not readable",
    },
    "register.db is missing": {"id": "register.db tidak ada", "en": "register.db is missing"},
    "register.db is empty": {"id": "register.db kosong", "en": "register.db is empty"},
    "a page cannot be read": {
        "id": "ada halaman yang tidak dapat dibaca",
        "en": "a page cannot be read",
    },
    "the database cannot be read": {
        "id": "basis datanya tidak dapat dibaca",
        "en": "the database cannot be read",
    },
    "the database does not open with its key": {
        "id": "basis datanya tidak terbuka dengan kuncinya",
        "en": "the database does not open with its key",
    },
    "the office record is missing": {
        "id": "data kantornya tidak ada",
        "en": "the office record is missing",
    },
    # folders that cannot be written (issue 19)
    "the drive is read-only": {
        "id": "penyimpanannya hanya dapat dibaca (terkunci tulis)",
        "en": "the drive is read-only (write-protected)",
    },
    "no permission to write there": {
        "id": "tidak ada izin menulis di sana",
        "en": "no permission to write there",
    },
    "the folder cannot be created there": {
        "id": "folder itu tidak dapat dibuat di sana (namanya terlalu panjang atau memuat "
        "huruf yang tidak diterima sistem?); pilih nama atau tempat lain",
        "en": "the folder cannot be created there (is the name too long, or does it hold "
        "characters the system refuses?); choose another name or place",
    },
    # a damaged register.keys (issue 19)
    "slot": {"id": "ada slot kunci yang tidak berbentuk sah", "en": "a key slot is malformed"},
    "kdf": {
        "id": "parameter Argon2id sebuah slot tidak sah",
        "en": "a slot's Argon2id parameters are not valid",
    },
    "sign_ins": {
        "id": "catatan upaya masuknya tidak sah",
        "en": "its record of sign-in attempts is malformed",
    },
    "too_deep": {"id": "isinya bersarang terlalu dalam", "en": "it is nested too deeply"},
    # arguments
    "required": {"id": "wajib diisi", "en": "required"},
    "required: the admin to recover": {
        "id": "wajib diisi: admin yang akan dipulihkan",
        "en": "required: the admin to recover",
    },
    "local or remote": {"id": "local atau remote", "en": "local or remote"},
    "id or en": {"id": "id atau en", "en": "id or en"},
    "must be 1 or more": {"id": "paling sedikit 1", "en": "must be 1 or more"},
    "k must be 2 or more": {"id": "k paling kecil 2", "en": "k must be 2 or more"},
    "only a province has a recovery key": {
        "id": "hanya kantor provinsi yang memiliki kunci pemulihan",
        "en": "only a province has a recovery key",
    },
    "this office already has a recovery key": {
        "id": "kantor ini sudah memiliki kunci pemulihan",
        "en": "this office already has a recovery key",
    },
    "this is this office's own key": {
        "id": "ini kunci kantor ini sendiri",
        "en": "this is this office's own key",
    },
    "this is a folder; give a file name": {
        "id": "ini folder; beri nama berkas",
        "en": "this is a folder; give a file name",
    },
    "the file name must end in .json, .pdf or .zip": {
        "id": "nama berkas harus berakhiran .json, .pdf atau .zip",
        "en": "the file name must end in .json, .pdf or .zip",
    },
    "the period ends before it starts": {
        "id": "periodenya berakhir sebelum dimulai",
        "en": "the period ends before it starts",
    },
}

# What was wrong with a refused record's field (the ``problem`` of a refusal): the
# problem's message without its values, which may be personal.
PROBLEM_WORDS: dict[str, dict[str, str]] = {
    "seq_outside_batch": {
        "id": "nomor urutnya di luar rentang paket",
        "en": "its sequence number is outside the batch's range",
    },
    "history_too_long": {
        "id": "riwayat perubahannya terlalu panjang",
        "en": "its history of changes is too long",
    },
    "unknown_field": {"id": "isian ini tidak dikenal", "en": "unknown field"},
    "owner_mismatch": {
        "id": "induknya milik kantor lain",
        "en": "its parent belongs to another office",
    },
    "missing_parent": {
        "id": "induknya tidak ada di register ini",
        "en": "its parent is not in this register",
    },
    "age_out_of_range": {"id": "umurnya tidak mungkin", "en": "the age is not possible"},
    "unknown_code": {"id": "ada pilihan yang tidak dikenal", "en": "a choice is not known"},
    "too_long": {"id": "terlalu panjang", "en": "too long"},
    "date_in_future": {"id": "tanggalnya belum terjadi", "en": "the date is in the future"},
    "date_too_early": {"id": "tanggalnya terlalu lampau", "en": "the date is too early"},
    "invalid_region_code": {"id": "bukan kode wilayah", "en": "not a region code"},
    "invalid_office_code": {"id": "bukan kode kantor", "en": "not an office code"},
}


def problem_words(code: str, lang: str) -> str:
    """A problem code said without its values (for refusals of another office's data)."""
    words = PROBLEM_WORDS.get(code)
    if words:
        return words[_lang(lang)]
    template = MESSAGES.get(code)
    if template and "{" not in template[_lang(lang)]:
        return template[_lang(lang)].rstrip(".")
    return code


# Parameters whose values are our own words, said in the user's language wherever a
# message names them: what was not found or does not exist, why a file was refused.
_WORDS = {"what": _THINGS, "reason": REASONS}


# --- Command line (tipdesk/cli/): what its commands print, codes prefixed cli_ ---
MESSAGES.update(
    {
        # common: prompts, numbers, files named on the command line, refusals of words
        "cli_password_prompt": {"id": "Kata sandi: ", "en": "Password: "},
        "cli_password_repeat_prompt": {"id": "Ulangi kata sandi: ", "en": "Repeat password: "},
        "cli_new_password_prompt": {"id": "Kata sandi baru: ", "en": "New password: "},
        "cli_new_password_repeat_prompt": {
            "id": "Ulangi kata sandi baru: ",
            "en": "Repeat the new password: ",
        },
        "cli_recovery_code_prompt": {"id": "Kode pemulihan: ", "en": "Recovery code: "},
        "cli_thousands_separator": {"id": ".", "en": ","},
        "cli_not_a_whole_number": {
            "id": "'{text}' bukan bilangan bulat",
            "en": "'{text}' is not a whole number",
        },
        "cli_number_out_of_range": {
            "id": "harus antara {least} dan {largest}",
            "en": "must be from {least} to {largest}",
        },
        "cli_is_a_folder_not_a_file": {
            "id": "ini folder, bukan berkas",
            "en": "is a folder, not a file",
        },
        "cli_no_such_file": {"id": "berkas tidak ada", "en": "no such file"},
        "cli_not_a_regular_file": {"id": "bukan berkas biasa", "en": "is not a regular file"},
        "cli_file_too_large": {"id": "berkas terlalu besar", "en": "file too large"},
        "cli_no_permission_to_read": {
            "id": "tidak ada izin membaca berkas ini",
            "en": "no permission to read this file",
        },
        "cli_folder_missing": {
            "id": "folder '{folder}' tidak ada",
            "en": "folder '{folder}' does not exist",
        },
        "cli_unknown_action": {
            "id": "'{word}' bukan salah satu tindakannya: {actions}.",
            "en": "'{word}' is not one of its actions: {actions}.",
        },
        "cli_unknown_action_or_register": {
            "id": "'{word}' bukan salah satu tindakannya ({actions}); untuk daftarnya tulis "
            "saja: {command} REGISTER",
            "en": "'{word}' is not one of its actions ({actions}); to list, write just: "
            "{command} REGISTER",
        },
        "cli_warning": {"id": "peringatan: {problem}", "en": "warning: {problem}"},
        "cli_interrupted": {"id": "dihentikan.", "en": "interrupted."},
        "cli_look_the_case_up": {
            "id": "Cari nomornya dengan: tipdesk search REGISTER KATA.",
            "en": "Look the number up with: tipdesk search REGISTER WORDS.",
        },
        "cli_unexpected": {
            "id": "kesalahan tak terduga ({kind}); rincian: {log}",
            "en": "unexpected error ({kind}); details: {log}",
        },
        # init, check
        "cli_register_created": {
            "id": "Register dibuat di {folder}",
            "en": "Register created at {folder}",
        },
        "cli_recovery_code_heading": {
            "id": "KODE PEMULIHAN (hanya ditampilkan sekali; cetak atau tulis, simpan di tempat "
            "terkunci):",
            "en": "RECOVERY CODE (shown only once; print or write it down and lock it away):",
        },
        "cli_province_batch_recovery_key_heading": {
            "id": "KUNCI PEMULIHAN KIRIMAN (provinsi; hanya ditampilkan sekali; cetak dan simpan "
            "terkunci, terpisah dari kode di atas):",
            "en": "BATCH RECOVERY KEY (province; shown only once; print it and lock it away, "
            "apart from the code above):",
        },
        "cli_check_more_lines": {
            "id": "… dan {count} baris lagi",
            "en": "… and {count} more lines",
        },
        "cli_check_not_intact": {
            "id": "register tidak utuh; lihat di atas dan pulihkan dari cadangan.",
            "en": "the register is not intact; see above and restore from a backup.",
        },
        "cli_check_analyst_held_the_key": {
            "id": "seorang analis pernah memegang kunci register (lihat di atas); enkripsi ulang "
            "register dengan: tipdesk users rekey REGISTER",
            "en": "an analyst has held the register key (see above); re-encrypt the register "
            "with: tipdesk users rekey REGISTER",
        },
        "cli_check_records_unreadable": {
            "id": "beberapa rekaman berisi nilai yang tidak dapat dibaca atau tidak sah (lihat di "
            "atas); buka rekaman itu dan isi ulang isiannya.",
            "en": "some records hold values that cannot be read or are not valid (see above); "
            "open those records and enter the fields again.",
        },
        # demo
        "cli_demo_register_created": {
            "id": "Register demo dibuat; pengguna 'demo', kode pemulihan: {code}",
            "en": "Demo register created; user 'demo', recovery code: {code}",
        },
        "cli_demo_cases_added": {
            "id": "Kasus demo ditambahkan: {count}",
            "en": "Demo cases added: {count}",
        },
        # search, show, update
        "cli_no_matching_cases": {
            "id": "Tidak ada kasus yang cocok.",
            "en": "No matching cases.",
        },
        "cli_cannot_be_read": {
            "id": "tidak dapat dibaca: {fields}",
            "en": "cannot be read: {fields}",
        },
        "cli_some_fields_cannot_be_read": {
            "id": "Beberapa isian tidak dapat dibaca: {fields}",
            "en": "Some fields cannot be read: {fields}",
        },
        "cli_yes": {"id": "Ya", "en": "Yes"},
        "cli_no": {"id": "Tidak", "en": "No"},
        "cli_show_person": {"id": "Korban", "en": "Person"},
        "cli_show_case": {"id": "Kasus", "en": "Case"},
        "cli_show_services": {"id": "Layanan", "en": "Services"},
        "cli_show_referrals": {"id": "Rujukan", "en": "Referrals"},
        "cli_show_notes": {"id": "Catatan", "en": "Notes"},
        "cli_nothing_changed": {
            "id": "Tidak ada yang berubah: {case_number}",
            "en": "Nothing changed: {case_number}",
        },
        "cli_saved": {"id": "Disimpan: {case_number}", "en": "Saved: {case_number}"},
        # letter, letters
        "cli_out_is_a_folder_pdf": {
            "id": "ini folder; beri nama berkas PDF",
            "en": "this is a folder; give a PDF file name",
        },
        "cli_letter_issued": {
            "id": "Diterbitkan: {number} -> {out}",
            "en": "Issued: {number} -> {out}",
        },
        "cli_letter_reprinted": {
            "id": "Dicetak ulang: {number} -> {out}",
            "en": "Reprinted: {number} -> {out}",
        },
        "cli_letter_pdf_not_encrypted": {
            "id": "Berkas PDF ini TIDAK terenkripsi dan memuat data korban; simpan di tempat "
            "aman, hapus setelah dicetak.",
            "en": "This PDF is NOT encrypted and holds data about a victim; keep it safe and "
            "delete it once printed.",
        },
        "cli_column_letter_number": {"id": "Nomor surat", "en": "Letter number"},
        "cli_column_date": {"id": "Tanggal", "en": "Date"},
        "cli_column_case": {"id": "Kasus", "en": "Case"},
        "cli_column_language": {"id": "Bahasa", "en": "Language"},
        "cli_column_identity": {"id": "Identitas", "en": "Identity"},
        "cli_column_by": {"id": "Oleh", "en": "By"},
        "cli_without_consent": {
            "id": "tanpa persetujuan: {reason}",
            "en": "without consent: {reason}",
        },
        "cli_no_letters_yet": {"id": "(belum ada surat)", "en": "(no letters yet)"},
        # keys
        "cli_needs": {"id": "perlu {what}", "en": "needs {what}"},
        "cli_key_file": {"id": "Berkas kunci: {path}", "en": "Key file: {path}"},
        "cli_key_fingerprint": {
            "id": "Kode pengaman (bacakan lewat telepon): {fingerprint}",
            "en": "Fingerprint (read it out over the phone): {fingerprint}",
        },
        "cli_office_enrolled": {
            "id": "Kantor terdaftar: {code} ({name}), {profile}",
            "en": "Office enrolled: {code} ({name}), {profile}",
        },
        "cli_key_rotated": {
            "id": "Kunci baru, ditandatangani kunci lama: {path}",
            "en": "New key, signed by the old one: {path}",
        },
        "cli_new_fingerprint": {
            "id": "Kode pengaman baru: {fingerprint}",
            "en": "New fingerprint: {fingerprint}",
        },
        "cli_rotation_accepted": {
            "id": "Kunci baru diterima untuk {code}",
            "en": "New key accepted for {code}",
        },
        "cli_batch_recovery_key_heading": {
            "id": "KUNCI PEMULIHAN KIRIMAN (hanya ditampilkan sekali; cetak dan simpan terkunci):",
            "en": "BATCH RECOVERY KEY (shown only once; print it and lock it away):",
        },
        "cli_export_the_key_file_again": {
            "id": "Ekspor ulang berkas kunci dan kirim ke kabupaten/kota.",
            "en": "Export the key file again and send it to the districts.",
        },
        # export, import, peers
        "cli_batch_out_exists": {
            "id": "'{path}' sudah ada; pilih nama lain atau sebuah folder",
            "en": "'{path}' already exists; choose another name, or a folder",
        },
        "cli_batch_not_written": {
            "id": "tidak dapat menulis ke '{path}' ({problem}); tidak ada yang dikirim, coba lagi",
            "en": "cannot write to '{path}' ({problem}); nothing was sent, try again",
        },
        "cli_os_full": {"id": "tempat penyimpanan penuh", "en": "the disk or stick is full"},
        "cli_os_write_protected": {"id": "terkunci tulis", "en": "it is write-protected"},
        "cli_os_no_permission": {
            "id": "tidak ada izin menulis",
            "en": "no permission to write there",
        },
        "cli_os_folder_gone": {
            "id": "folder hilang; stik dicabut?",
            "en": "the folder is gone; was the stick removed?",
        },
        "cli_os_input_output": {
            "id": "gagal membaca/menulis; stik dicabut?",
            "en": "input/output error; was the stick removed?",
        },
        "cli_os_other": {"id": "kesalahan sistem berkas", "en": "a file system error"},
        "cli_batch_written": {"id": "Paket ditulis: {path}", "en": "Batch written: {path}"},
        "cli_batch_only_acknowledges": {
            "id": "Tidak ada perubahan baru untuk {peer}; paket ini hanya membawa tanda terima.",
            "en": "No new changes for {peer}; this batch carries only the acknowledgement.",
        },
        "cli_batch_summary": {
            "id": "{total} rekaman untuk {peer} (perubahan {first}-{last}); terenkripsi dan "
            "ditandatangani.",
            "en": "{total} records for {peer} (changes {first}-{last}); encrypted and signed.",
        },
        "cli_batch_imported_before": {
            "id": "Paket ini sudah pernah diimpor; tidak ada yang berubah.",
            "en": "This batch was imported before; nothing changed.",
        },
        "cli_batch_held": {
            "id": "Paket dari {code} menghapus banyak kasus kantor itu di sini; paket "
            "ditahan di inbox/ dan belum diterapkan. Tanyakan ke kantor {code} apakah "
            "penghapusan itu disengaja; lalu administrator menjalankan 'tipdesk inbox accept "
            "{register} {batch_id}' atau 'tipdesk inbox discard {register} {batch_id}'.",
            "en": "The batch from {code} deletes many of that office's cases here; it is held "
            "in inbox/ and nothing of it was applied. Ask {code} whether the deletes were "
            "meant; then an administrator runs 'tipdesk inbox accept {register} {batch_id}' "
            "or 'tipdesk inbox discard {register} {batch_id}'.",
        },
        "cli_batch_waiting": {
            "id": "Ada paket {peer} yang belum diterima sebelum yang ini; paket disimpan di "
            "inbox/ dan diterapkan otomatis setelah paket yang hilang tiba. Minta kantor itu "
            "mengekspor lagi.",
            "en": "An earlier batch from {peer} has not arrived; this one is kept in inbox/ and "
            "applied by itself once the missing one arrives. Ask that office to export again.",
        },
        "cli_batch_applied": {
            "id": "Dari {peer}: diterapkan {applied}, tidak berubah {unchanged}, digabung "
            "{merged}, konflik {conflicts}.",
            "en": "From {peer}: applied {applied}, unchanged {unchanged}, merged {merged}, "
            "conflicts {conflicts}.",
        },
        "cli_also_applied_from_inbox": {
            "id": "Juga diterapkan dari inbox: {count} paket.",
            "en": "Also applied from the inbox: {count} batches.",
        },
        "cli_review_conflicts": {
            "id": "Tinjau konflik: tipdesk conflicts {register}",
            "en": "Review conflicts: tipdesk conflicts {register}",
        },
        "cli_peers_heading": {
            "id": "Kode  Nama                          Dikirim s.d.  Dikonfirmasi  Diterima s.d.  "
            "Menunggu",
            "en": "Code  Name                          Sent up to    Acknowledged  Received up to "
            "Waiting",
        },
        "cli_peer_audit_trail_shortened": {
            "id": "PERINGATAN: jejak audit {code} kini berakhir di baris {now_seq}, padahal "
            "sebelumnya sudah sampai baris {seq} (baris dihapus atau ditulis ulang, atau "
            "dipulihkan dari cadangan: tanyakan ke kantor itu)",
            "en": "WARNING: {code}'s audit trail now ends at row {now_seq}, after it had reached "
            "row {seq} (rows removed or rewritten, or restored from a backup: ask that office)",
        },
        "cli_no_peers": {
            "id": "(belum ada kantor terdaftar; tipdesk keys trust ...)",
            "en": "(no office enrolled yet; tipdesk keys trust ...)",
        },
        # inbox, conflicts
        "cli_inbox_held_mass_delete": {
            "id": "ditahan: menghapus {deleted} dari {cases} kasus",
            "en": "held: deletes {deleted} of {cases} cases",
        },
        "cli_inbox_waiting": {
            "id": "menunggu paket sebelumnya",
            "en": "waiting for an earlier batch",
        },
        "cli_inbox_empty": {"id": "(inbox kosong)", "en": "(the inbox is empty)"},
        "cli_inbox_applied": {
            "id": "Diterapkan dari {peer}: {applied}, tidak berubah {unchanged}, digabung "
            "{merged}, konflik {conflicts}.",
            "en": "Applied from {peer}: {applied}, unchanged {unchanged}, merged {merged}, "
            "conflicts {conflicts}.",
        },
        "cli_inbox_discarded": {"id": "Dibuang: {batch_id}", "en": "Discarded: {batch_id}"},
        "cli_conflict_here": {"id": "di sini", "en": "here"},
        "cli_conflict_delete_edit": {"id": "hapus/ubah", "en": "delete/edit"},
        "cli_no_conflicts": {"id": "(tidak ada konflik)", "en": "(no conflicts)"},
        "cli_conflict_resolved": {
            "id": "Diselesaikan: {conflict_id}",
            "en": "Resolved: {conflict_id}",
        },
        # backup, restore
        "cli_backup_written": {"id": "Cadangan ditulis: {path}", "en": "Backup written: {path}"},
        "cli_backup_summary": {
            "id": "{size}, {cases} kasus; terenkripsi, dibuka dengan kata sandi pengguna atau "
            "kode pemulihan.",
            "en": "{size}, {cases} cases; encrypted, opened with a user's password or the "
            "recovery code.",
        },
        "cli_restored_at": {
            "id": "Register dipulihkan di {folder}",
            "en": "Register restored at {folder}",
        },
        "cli_restore_summary": {
            "id": "Kantor {office}, {cases} kasus, cadangan dari {created} UTC; masuk sebagai "
            "{user}.",
            "en": "Office {office}, {cases} cases, backup of {created} UTC; signed in as {user}.",
        },
        "cli_restore_new_password": {
            "id": "Kata sandi baru {user} berlaku di register ini.",
            "en": "{user}'s new password applies in this register.",
        },
        # person-export, erase
        "cli_person_data_written": {
            "id": "Data orang ditulis: {path}",
            "en": "The person's data written: {path}",
        },
        "cli_person_data_not_encrypted": {
            "id": "Berkas ini TIDAK terenkripsi dan memuat data pribadi; serahkan kepada orang "
            "itu dan hapus salinannya.",
            "en": "This file is NOT encrypted and holds personal data; hand it to the person "
            "and delete the copy.",
        },
        "cli_person_erased": {
            "id": "Data orang dihapus: {records} rekaman dari kasus {cases} kini kosong (tanda "
            "hapus tetap ada); {letters} surat dikosongkan; {documents} dokumen dimusnahkan.",
            "en": "The person's data is erased: {records} records of case(s) {cases} are now "
            "empty tombstones; {letters} letters emptied; {documents} documents destroyed.",
        },
        "cli_erased_not_compacted": {
            "id": "peringatan: TipDesk lain sedang membuka register, jadi berkas basis data "
            "belum dipadatkan; log-nya dikosongkan saat program itu ditutup. Tutup program itu "
            "sekarang.",
            "en": "warning: another TipDesk has the register open, so the database file was "
            "not compacted; its log is emptied when that program closes. Close it now.",
        },
        # users, passwd, recover
        "cli_user_added": {
            "id": "pengguna {user} ditambahkan ({role}).",
            "en": "user {user} added ({role}).",
        },
        "cli_user_role_set": {"id": "peran {user}: {role}.", "en": "{user}'s role: {role}."},
        "cli_user_disabled": {
            "id": "{user} dinonaktifkan; kata sandinya tidak lagi membuka register.",
            "en": "{user} disabled; their password no longer opens the register.",
        },
        "cli_user_enabled": {
            "id": "{user} diaktifkan dengan kata sandi baru.",
            "en": "{user} enabled with a new password.",
        },
        "cli_user_password_reset": {
            "id": "kata sandi {user} diatur ulang.",
            "en": "{user}'s password was reset.",
        },
        "cli_user_removed": {"id": "{user} dihapus.", "en": "{user} removed."},
        "cli_database_rekeyed": {
            "id": "Basis data dienkripsi ulang dengan kunci baru.",
            "en": "The database was re-encrypted under a new key.",
        },
        "cli_user_removed_from_backups": {
            "id": "Slot kuncinya juga dihapus dari {count} cadangan di backups/.",
            "en": "Their key slot was also taken out of {count} backup(s) in backups/.",
        },
        "cli_database_and_copy_rekeyed": {
            "id": "Basis data dienkripsi ulang dengan kunci baru; salinan analisis juga.",
            "en": "The database was re-encrypted under a new key; so was the analysis copy.",
        },
        "cli_reset_the_passwords_of": {
            "id": "Atur ulang kata sandi: {users}",
            "en": "Reset the passwords of: {users}",
        },
        "cli_new_recovery_code_heading": {
            "id": "KODE PEMULIHAN BARU (tulis dan simpan, hanya ditampilkan sekali):",
            "en": "NEW RECOVERY CODE (write it down; shown only once):",
        },
        "cli_password_changed": {"id": "kata sandi diganti.", "en": "password changed."},
        "cli_admin_recovered": {
            "id": "kata sandi baru diatur untuk admin {user}.",
            "en": "a new password was set for admin {user}.",
        },
        # report, stats-export
        "cli_not_a_date": {
            "id": "'{text}' bukan tanggal; tulis TTTT-BB-HH, mis. 2026-11-30",
            "en": "'{text}' is not a date; write YYYY-MM-DD, e.g. 2026-11-30",
        },
        "cli_period_ends_before_it_starts": {
            "id": "periode berakhir ({end}) sebelum dimulai ({start})",
            "en": "the period ends ({end}) before it starts ({start})",
        },
        "cli_out_is_a_folder": {
            "id": "ini folder; beri nama berkas",
            "en": "this is a folder; give a file name",
        },
        "cli_report_written": {"id": "Laporan ditulis: {path}", "en": "Report written: {path}"},
        "cli_k_too_small": {"id": "k paling kecil 2", "en": "k must be 2 or more"},
        "cli_stats_export_written": {
            "id": "Ekspor statistik ditulis: {path}",
            "en": "Statistics export written: {path}",
        },
        "cli_stats_exported": {
            "id": "Rekaman diekspor: {count} (k = {k})",
            "en": "Records exported: {count} (k = {k})",
        },
        "cli_stats_generalised": {
            "id": "Nilai digeneralisasi: {count}",
            "en": "Values generalised: {count}",
        },
        "cli_stats_suppressed": {
            "id": "Rekaman disupresi (tidak diekspor): {count}",
            "en": "Records suppressed (left out): {count}",
        },
        "cli_stats_without_consent": {
            "id": "Kasus tanpa persetujuan masuk statistik anonim (tidak disertakan): {count}",
            "en": "Cases without consent to anonymous statistics (left out): {count}",
        },
    }
)

# --- issue 22: the case journey (assessment and plan, the criminal case, restitution and
# LPSK, return home, incidents) ---
MESSAGES.update(
    {
        "date_before": {
            "id": "tidak boleh sebelum {earlier}.",
            "en": "cannot be before {earlier}.",
        },
        "number_out_of_range": {
            "id": "harus antara {min} dan {max}.",
            "en": "must be between {min} and {max}.",
        },
        "triage_needs_risk_level": {
            "id": "triase risiko perlu tingkat risiko.",
            "en": "a risk triage needs a risk level.",
        },
        "assessment_without_needs": {
            "id": "asesmen biopsikososial tanpa kebutuhan maupun temuan.",
            "en": "a biopsychosocial assessment with neither needs nor findings.",
        },
        "review_after_target": {
            "id": "tinjauan dijadwalkan sesudah target tujuan.",
            "en": "the review is after the goal's target date.",
        },
        "court_required": {
            "id": "putusan, banding dan kasasi perlu nama pengadilan.",
            "en": "a verdict, appeal or cassation needs the court.",
        },
        "verdict_outcome_required": {
            "id": "putusan perlu amar: terbukti bersalah, bebas, atau lepas.",
            "en": "a verdict needs its outcome: convicted, acquitted or released.",
        },
        "outcome_without_court": {
            "id": "hanya putusan, banding, kasasi atau inkracht yang punya amar.",
            "en": "only a verdict, appeal, cassation or final judgment has an outcome.",
        },
        "sentence_without_conviction": {
            "id": "pidana penjara hanya untuk terdakwa yang terbukti bersalah.",
            "en": "a prison term goes only with a conviction.",
        },
        "restitution_flag_misplaced": {
            "id": "permohonan restitusi dicatat pada BAP, dakwaan, tuntutan atau putusan.",
            "en": "a restitution request is recorded on the BAP, indictment, demand or verdict.",
        },
        "relationship_without_perpetrators": {
            "id": "isi jumlah pelaku bila hubungannya dicatat.",
            "en": "enter how many perpetrators there were when their relationship is given.",
        },
        "amount_needs_date": {
            "id": "jumlahnya sudah diisi; isi juga tanggalnya.",
            "en": "its amount is given; give its date too.",
        },
        "paid_without_award": {
            "id": "restitusi dibayar hanya sesudah diputus; isi tanggal putusannya.",
            "en": "restitution is paid only once awarded; give the date it was awarded.",
        },
        "decision_date_required": {
            "id": "keputusan LPSK perlu tanggalnya.",
            "en": "an LPSK decision needs its date.",
        },
        "decision_date_while_pending": {
            "id": "permohonan yang masih menunggu belum punya tanggal keputusan.",
            "en": "a pending request has no decision date yet.",
        },
        "not_of_this_case": {
            "id": "'{value}' bukan catatan kasus ini.",
            "en": "'{value}' is not a record of this case.",
        },
        "plan_empty": {
            "id": "Rencana intervensi kasus {case_number} belum punya tujuan; tambahkan "
            "tujuan lalu minta persetujuan.",
            "en": "The intervention plan of case {case_number} has no goal yet; add its "
            "goals, then ask for approval.",
        },
        "plan_sheet_no_goals": {
            "id": "Rencana intervensi kasus {case_number} belum punya tujuan, jadi belum ada "
            "yang dapat dicetak. Tambahkan tujuannya di tab Asesmen & rencana.",
            "en": "The intervention plan of case {case_number} has no goal yet, so there is "
            "nothing to print. Add its goals on the Assessment & plan tab.",
        },
    }
)
FIELD_LABELS.update(
    {
        "incident_id": {"id": "Kejadian", "en": "Incident"},
        "kind": {"id": "Jenis", "en": "Kind"},
        "assessed_on": {"id": "Tanggal asesmen", "en": "Assessed on"},
        "assessed_by": {"id": "Dinilai oleh", "en": "Assessed by"},
        "respond_by": {"id": "Batas waktu respons", "en": "Respond by"},
        "needs": {"id": "Kebutuhan menurut ranah", "en": "Needs by domain"},
        "findings": {"id": "Temuan", "en": "Findings"},
        "goal": {"id": "Tujuan", "en": "Goal"},
        "domain": {"id": "Ranah", "en": "Domain"},
        "linked_ids": {"id": "Layanan dan rujukan terkait", "en": "Services and referrals"},
        "target_on": {"id": "Tanggal target", "en": "Target date"},
        "review_on": {"id": "Tanggal tinjauan", "en": "Review date"},
        "approved_by": {"id": "Disetujui oleh", "en": "Approved by"},
        "approved_on": {"id": "Tanggal persetujuan", "en": "Approved on"},
        "step_on": {"id": "Tanggal langkah", "en": "Step date"},
        "reference_number": {"id": "Nomor (LP, putusan)", "en": "Reference number"},
        "authority": {"id": "Satuan polisi atau pengadilan", "en": "Police unit or court"},
        "restitution_requested": {"id": "Restitusi diminta", "en": "Restitution requested"},
        "outcome": {"id": "Amar putusan", "en": "Outcome"},
        "sentence_months": {"id": "Pidana penjara (bulan)", "en": "Prison term (months)"},
        "perpetrators": {"id": "Jumlah pelaku", "en": "Perpetrators"},
        "perpetrator_relationship": {
            "id": "Hubungan pelaku dengan korban",
            "en": "Perpetrators' relationship to the victim",
        },
        "note": {"id": "Keterangan", "en": "Remarks"},
        "requested_on": {"id": "Tanggal permohonan", "en": "Requested on"},
        "requested_amount": {"id": "Jumlah diminta (Rp)", "en": "Amount requested (Rp)"},
        "requested_by": {"id": "Diajukan oleh", "en": "Requested by"},
        "lpsk_assessed_on": {"id": "Tanggal penilaian LPSK", "en": "LPSK assessed on"},
        "lpsk_assessed_amount": {"id": "Penilaian LPSK (Rp)", "en": "LPSK assessment (Rp)"},
        "awarded_on": {"id": "Tanggal restitusi diputus", "en": "Awarded on"},
        "awarded_amount": {"id": "Restitusi diputus (Rp)", "en": "Amount awarded (Rp)"},
        "paid_on": {"id": "Tanggal dibayar", "en": "Paid on"},
        "paid_amount": {"id": "Jumlah dibayar (Rp)", "en": "Amount paid (Rp)"},
        "protection_types": {"id": "Perlindungan yang diminta", "en": "Protection asked for"},
        "decision": {"id": "Keputusan", "en": "Decision"},
        "decided_on": {"id": "Tanggal keputusan", "en": "Decided on"},
        "origin_region": {"id": "Daerah asal", "en": "Origin region"},
        "escort": {"id": "Pendamping pemulangan", "en": "Escorted by"},
        "departed_on": {"id": "Tanggal berangkat", "en": "Departed on"},
        "arrived_on": {"id": "Tanggal tiba", "en": "Arrived on"},
        "handover_on": {"id": "Tanggal berita acara serah terima", "en": "Handover record date"},
        "handover_number": {"id": "Nomor berita acara", "en": "Handover record number"},
        "return_id": {"id": "Pemulangan", "en": "Return"},
        "checked_on": {"id": "Tanggal kunjungan", "en": "Checked on"},
        "next_on": {"id": "Kunjungan berikutnya", "en": "Next check-up"},
        "incident_number": {"id": "Nomor kejadian", "en": "Incident number"},
        "occurred_on": {"id": "Tanggal kejadian", "en": "Occurred on"},
        "place": {"id": "Tempat", "en": "Place"},
    }
)
_THINGS.update(
    {
        "assessment": {"id": "Asesmen", "en": "Assessment"},
        "plan_goal": {"id": "Tujuan rencana intervensi", "en": "Plan goal"},
        "legal_step": {"id": "Langkah hukum", "en": "Legal step"},
        "restitution": {"id": "Restitusi", "en": "Restitution"},
        "lpsk_request": {"id": "Permohonan LPSK", "en": "LPSK request"},
        "return": {"id": "Pemulangan", "en": "Return"},
        "checkup": {"id": "Kunjungan reintegrasi", "en": "Reintegration check-up"},
        "incident": {"id": "Kejadian", "en": "Incident"},
    }
)
# A date that must come after another names that other field in the user's language.
_WORDS["earlier"] = FIELD_LABELS
# Said without their values when another office's row is refused.
PROBLEM_WORDS.update(
    {
        "date_before": {"id": "tanggalnya tidak berurutan", "en": "its dates are out of order"},
        "number_out_of_range": {"id": "angkanya di luar batas", "en": "a number out of range"},
        "not_of_this_case": {
            "id": "merujuk catatan kasus lain",
            "en": "it names a record of another case",
        },
    }
)
# tipdesk incident list|show (issue 22)
MESSAGES.update(
    {
        "cli_no_incidents": {
            "id": "Belum ada kejadian di register ini.",
            "en": "No incidents in this register yet.",
        },
        "cli_incident_cases": {"id": "{count} kasus", "en": "{count} cases"},
        "cli_incident_title": {"id": "Kejadian {number}", "en": "Incident {number}"},
        "cli_incident_occurred_on": {"id": "Tanggal", "en": "Occurred on"},
        "cli_incident_kind": {"id": "Jenis", "en": "Kind"},
        "cli_incident_place": {"id": "Tempat", "en": "Place"},
        "cli_incident_note": {"id": "Catatan", "en": "Note"},
        "cli_incident_victims": {"id": "Korban ({count})", "en": "Victims ({count})"},
        "cli_incident_no_legal_step": {
            "id": "belum ada langkah hukum",
            "en": "no legal step yet",
        },
        "cli_incident_hidden_cases": {
            "id": "dan {count} kasus lain yang bukan kasus Anda (tidak ditampilkan)",
            "en": "and {count} more cases that are not yours (not shown)",
        },
    }
)
# Letters of the case journey: a request to LPSK, a handover record (issue 22)
MESSAGES.update(
    {
        "record_has_letter": {
            "id": "Catatan ini sudah punya surat nomor {number}. Cetak ulang surat itu, atau "
            "minta surat baru dengan nomor baru secara tegas (Surat baru dengan nomor baru).",
            "en": "This record already has letter {number}. Reprint that letter, or ask for a "
            "new letter with a new number explicitly (New letter with a new number).",
        },
        "no_letter_of_record": {
            "id": "Belum ada surat untuk catatan ini di register ini; terbitkan dulu.",
            "en": "No letter has been issued for this record in this register yet; issue one "
            "first.",
        },
        "cli_column_kind": {"id": "Jenis", "en": "Kind"},
        "cli_letter_kind_referral": {"id": "rujukan", "en": "referral"},
        "cli_letter_kind_lpsk_request": {"id": "LPSK", "en": "LPSK"},
        "cli_letter_kind_handover": {"id": "serah terima", "en": "handover"},
        "cli_letter_kind_transfer": {"id": "pelimpahan", "en": "transfer"},
    }
)
# Transfers between offices and one person across districts (issue 23)
MESSAGES.update(
    {
        "case_read_only": {
            "id": "Kasus {case_number} milik kantor {office}: di sini hanya salinan untuk "
            "dibaca (kasus yang sudah dilimpahkan, atau yang ditawarkan dan belum "
            "diterima). Hanya kantor {office} yang dapat mengubahnya.",
            "en": "Case {case_number} belongs to office {office}: this register holds a "
            "read-only copy (a case handed over, or offered and not yet accepted). Only "
            "{office} can change it.",
        },
        "transfer_refused_not_ours": {
            "id": "Kasus {case_number} bukan milik kantor ini; hanya pemiliknya (atau "
            "provinsi) yang dapat melimpahkannya.",
            "en": "Case {case_number} is not this office's; only its owner (or the "
            "province) can hand it over.",
        },
        "transfer_refused_same_office": {
            "id": "Kasus ini sudah milik kantor {office}; pilih kantor lain.",
            "en": "The case already belongs to {office}; choose another office.",
        },
        "transfer_refused_unknown_office": {
            "id": "Kantor '{office}' tidak dikenal di register ini. Kantor tujuan harus "
            "kantor di provinsi ini yang sudah tercatat (lewat sinkronisasi dengan "
            "provinsi).",
            "en": "Office '{office}' is not known to this register. The receiving office "
            "must be an office of the province this register knows (through sync with "
            "the province).",
        },
        "transfer_refused_already_open": {
            "id": "Pelimpahan orang dalam kasus {case_number} sudah diajukan dan belum "
            "diputuskan; tunggu keputusannya.",
            "en": "A transfer of the person of case {case_number} is already waiting for "
            "a decision; wait for it.",
        },
        "transfer_refused_not_open": {
            "id": "Tidak ada pelimpahan kasus {case_number} yang menunggu keputusan.",
            "en": "No transfer of case {case_number} is waiting for a decision.",
        },
        "transfer_refused_not_for_us": {
            "id": "Pelimpahan kasus {case_number} ditujukan ke kantor lain; hanya kantor "
            "tujuan yang memutuskannya.",
            "en": "The transfer of case {case_number} is to another office; only that "
            "office decides it.",
        },
        "same_as_from": {
            "id": "tidak boleh sama dengan asalnya.",
            "en": "cannot be the same as where it comes from.",
        },
        "not_decided": {
            "id": "belum boleh diisi sebelum ada keputusan.",
            "en": "cannot be filled before a decision.",
        },
        "too_short": {
            "id": "terlalu singkat (paling sedikit {minimum} huruf).",
            "en": "is too short (at least {minimum} letters).",
        },
    }
)
_THINGS.update(
    {
        "transfer": {"id": "Pelimpahan", "en": "Transfer"},
        "person_link": {"id": "Tanda orang yang sama", "en": "Same-person link"},
    }
)
PROBLEM_WORDS.update(
    {
        "not_decidable": {
            "id": "keputusannya tidak sah untuk pelimpahan ini",
            "en": "a decision this transfer cannot take",
        },
    }
)
# The transfer letter and `tipdesk transfer` (issue 23)
MESSAGES.update(
    {
        "transfer_refused_letter_not_ours": {
            "id": "Surat pelimpahan kasus {case_number} dibuat oleh kantor yang mengajukan "
            "pelimpahan, bukan oleh kantor ini.",
            "en": "The transfer letter of case {case_number} is written by the office that "
            "asked for the transfer, not by this office.",
        },
        "transfer_refused_none_asked": {
            "id": "Kantor ini tidak mengajukan pelimpahan kasus {case_number}; surat "
            "pelimpahan dibuat oleh kantor yang mengajukannya.",
            "en": "This office has not asked for a transfer of case {case_number}; the "
            "transfer letter is written by the office that asked.",
        },
        "transfer_refused_declined_no_letter": {
            "id": "Pelimpahan kasus {case_number} sudah ditolak; surat pelimpahan tidak "
            "diterbitkan lagi untuknya.",
            "en": "The transfer of case {case_number} was declined; no transfer letter is "
            "issued for it any more.",
        },
        "cli_transfer_requested": {
            "id": "Pelimpahan kasus {case_number} ke {to} diajukan ({count} kasus orang ini "
            "ikut pindah). Kirim paket ke provinsi; {to} memutuskan setelah menerimanya.",
            "en": "Transfer of case {case_number} to {to} requested ({count} case(s) of the "
            "person go with it). Export a batch to the province; {to} decides once it "
            "arrives.",
        },
        "cli_transfer_handed_over": {
            "id": "Kasus {case_number} dilimpahkan ke {to} atas kewenangan provinsi "
            "(langsung diterima).",
            "en": "Case {case_number} handed to {to} on the province's authority (accepted "
            "at once).",
        },
        "cli_transfer_letter_later": {
            "id": "Pelimpahan tetap diajukan; terbitkan suratnya nanti dengan: tipdesk "
            "transfer letter REGISTER {case_number} --out BERKAS.pdf",
            "en": "The transfer stands; issue its letter later with: tipdesk transfer "
            "letter REGISTER {case_number} --out FILE.pdf",
        },
        "cli_transfer_accepted": {
            "id": "Pelimpahan kasus {case_number} diterima: kantor ini sekarang memegang "
            "berkas orang ini ({count} kasus).",
            "en": "Transfer of case {case_number} accepted: this office now holds the "
            "person's file ({count} case(s)).",
        },
        "cli_transfer_declined": {
            "id": "Pelimpahan kasus {case_number} ditolak; kasus tetap di {office}.",
            "en": "Transfer of case {case_number} declined; the case stays with {office}.",
        },
        "cli_no_transfers": {
            "id": "Belum ada pelimpahan.",
            "en": "No transfers yet.",
        },
        "cli_transfer_outgoing": {"id": "keluar", "en": "outgoing"},
        "cli_transfer_incoming": {"id": "masuk", "en": "incoming"},
        "cli_transfer_between": {"id": "antarkantor", "en": "between"},
        "cli_column_direction": {"id": "Arah", "en": "Direction"},
        "cli_column_offices": {"id": "Dari -> Ke", "en": "From -> To"},
        "cli_column_status": {"id": "Status", "en": "Status"},
    }
)
# One person across districts: the province's duplicate check and links (issue 23)
MESSAGES.update(
    {
        "person_link_refused_province_only": {
            "id": "Hanya register provinsi yang mencari dan menautkan orang yang sama antar "
            "kantor; register kabupaten/kota hanya melihat tautan yang dikirim provinsi.",
            "en": "Only a province's register looks for and links one person across "
            "offices; a district's register shows the links its province sends.",
        },
        "person_link_refused_same_person": {
            "id": "Kedua nomor itu menunjuk orang yang sama di register ini; pilih dua orang.",
            "en": "Both numbers name the same person in this register; choose two persons.",
        },
        "person_link_refused_same_office": {
            "id": "Kedua orang dicatat oleh kantor yang sama; tautan hanya untuk orang dari "
            "dua kantor (di satu kantor, gunakan pemeriksaan duplikat kantor itu).",
            "en": "Both persons were registered by the same office; a link joins persons of "
            "two offices (within one office, use that office's duplicate check).",
        },
        "person_link_refused_already_linked": {
            "id": "Kedua orang ini sudah ditautkan sebagai orang yang sama.",
            "en": "These two persons are already linked as one.",
        },
        "person_link_refused_not_live": {
            "id": "Salah satu orang tidak ada (lagi) di register ini.",
            "en": "One of the persons is not (or no longer) in this register.",
        },
        "cli_people_links_none": {
            "id": "Belum ada tautan orang yang sama.",
            "en": "No same-person links yet.",
        },
        "cli_people_links_known_elsewhere": {
            "id": "{case}: orang yang sama dikenal di {office}, kasus {other}",
            "en": "{case}: the same person is known at {office}, case {other}",
        },
        "cli_people_links_candidates": {
            "id": "{count} pasangan mungkin orang yang sama:",
            "en": "{count} pairs may be one person:",
        },
        "cli_people_links_age": {"id": "umur {age}", "en": "age {age}"},
        "cli_people_links_scanned": {
            "id": "Pemeriksaan selesai: {count} pasangan mungkin orang yang sama.",
            "en": "Check done: {count} pairs may be one person.",
        },
        "cli_people_links_linked": {
            "id": "{a} dan {b} ditautkan sebagai orang yang sama (tautan {id}).",
            "en": "{a} and {b} linked as one person (link {id}).",
        },
        "cli_people_links_unlinked": {
            "id": "Tautan {id} dilepas.",
            "en": "Link {id} removed.",
        },
        "cli_people_links_dismissed": {
            "id": "{a} dan {b} dicatat sebagai dua orang; tidak diusulkan lagi.",
            "en": "{a} and {b} recorded as two people; not proposed again.",
        },
    }
)
# The transfer screens' fields (issue 23): a refusal names the field the user wrote in.
FIELD_LABELS.update(
    {
        "decision_reason": {"id": "Alasan keputusan", "en": "Reason of the decision"},
        "transfer_reason": {"id": "Alasan pelimpahan", "en": "Reason for the transfer"},
    }
)
# The transfer and link refusals say each reason in full (their own codes above); these
# are the general sentence and the reasons' words, for a reason said on its own.
MESSAGES.update(
    {
        "transfer_refused": {
            "id": "Pelimpahan tidak dapat dilakukan: {reason}.",
            "en": "The transfer cannot be done: {reason}.",
        },
        "person_link_refused": {
            "id": "Tanda orang yang sama tidak dapat dibuat atau dilepas: {reason}.",
            "en": "The same-person link cannot be made or removed: {reason}.",
        },
    }
)
REASONS.update(
    {
        "not_ours": {"id": "kasus bukan milik kantor ini", "en": "the case is not this office's"},
        "same_office": {"id": "kantor tujuannya sama", "en": "it is the same office"},
        "unknown_office": {"id": "kantor tujuan tidak dikenal", "en": "unknown office"},
        "already_open": {
            "id": "sudah ada pelimpahan yang menunggu keputusan",
            "en": "a transfer is already waiting for a decision",
        },
        "not_open": {
            "id": "tidak ada pelimpahan yang menunggu keputusan",
            "en": "no transfer is waiting for a decision",
        },
        "not_for_us": {
            "id": "pelimpahan ditujukan ke kantor lain",
            "en": "the transfer is to another office",
        },
        "letter_not_ours": {
            "id": "suratnya dibuat oleh kantor yang mengajukan",
            "en": "its letter is written by the office that asked",
        },
        "none_asked": {"id": "belum ada pelimpahan", "en": "no transfer was asked for"},
        "declined_no_letter": {
            "id": "pelimpahan yang ditolak tidak diberi surat",
            "en": "a declined transfer gets no letter",
        },
        "province_only": {"id": "hanya di kantor provinsi", "en": "only at the province"},
        "same_person": {"id": "itu orang yang sama di register ini", "en": "it is one record"},
        "already_linked": {"id": "keduanya sudah ditandai", "en": "they are already linked"},
        "not_live": {"id": "datanya sudah dihapus", "en": "the record was deleted"},
    }
)

# --- issue 24: documents ---
MESSAGES.update(
    {
        "document_refused": {
            "id": "Dokumen tidak dapat disimpan atau dibuka: {reason}.",
            "en": "The document cannot be kept or opened: {reason}.",
        },
        "document_refused_too_large": {
            "id": "Berkas terlalu besar untuk disimpan sebagai dokumen ({size} MB; paling "
            "besar {max} MB). Pindai dengan resolusi lebih rendah atau bagi berkasnya.",
            "en": "The file is too large to keep as a document ({size} MB; at most {max} "
            "MB). Scan at a lower resolution or split the file.",
        },
        "document_refused_empty": {
            "id": "Berkasnya kosong; tidak ada yang disimpan.",
            "en": "The file is empty; nothing was kept.",
        },
        "document_refused_unknown_format": {
            "id": "Berkas ini bukan PDF, JPEG, PNG atau WebP; tidak ada yang disimpan. "
            "Simpan atau pindai ulang sebagai PDF atau JPEG.",
            "en": "The file is not a PDF, JPEG, PNG or WebP; nothing was kept. Save or "
            "scan it again as a PDF or a JPEG.",
        },
        "document_refused_heic": {
            "id": "Foto HEIC (iPhone) belum dapat disimpan; tidak ada yang disimpan. "
            "Atur kamera ke 'Paling Kompatibel' (JPEG) atau ubah fotonya ke JPEG.",
            "en": "HEIC photos (iPhone) cannot be kept yet; nothing was kept. Set the "
            "camera to 'Most Compatible' (JPEG) or convert the photo to JPEG.",
        },
        "document_refused_unreadable_image": {
            "id": "Gambarnya rusak atau tidak dapat dibaca; tidak ada yang disimpan.",
            "en": "The image is damaged or cannot be read; nothing was kept.",
        },
        "document_refused_not_of_this_case": {
            "id": "Catatan yang dipilih untuk dokumen ini bukan catatan kasus {case_number}.",
            "en": "The record chosen for this document is not a record of case {case_number}.",
        },
        "document_refused_bytes_missing": {
            "id": "Isi dokumen {id} tidak ada di register (jalankan pemeriksaan register "
            "dan pulihkan dari cadangan).",
            "en": "The contents of document {id} are missing from the register (run the "
            "register check and restore from a backup).",
        },
        "batch_part_missing": {
            "id": "Paket ini terdiri dari {parts} berkas dokumen di samping berkas "
            "paketnya; berkas {part} tidak ada. Tidak ada yang diimpor. Salin semua "
            "berkasnya ke folder yang sama, lalu impor lagi.",
            "en": "This batch comes with {parts} document files beside it; the file {part} "
            "is missing. Nothing was imported. Copy all of its files into one folder, "
            "then import again.",
        },
        "bad_digest": {
            "id": "bukan SHA-256 yang sah (64 angka heksadesimal).",
            "en": "is not a valid SHA-256 (64 hexadecimal digits).",
        },
        "not_a_file_name": {
            "id": "harus nama berkas saja, tanpa folder.",
            "en": "must be a file name only, without folders.",
        },
    }
)
REASONS.update(
    {
        "empty": {"id": "berkasnya kosong", "en": "the file is empty"},
        "unknown_format": {"id": "jenis berkas tidak dikenal", "en": "unknown kind of file"},
        "heic": {"id": "foto HEIC belum didukung", "en": "HEIC photos are not supported"},
        "unreadable_image": {"id": "gambarnya rusak", "en": "the image is damaged"},
        "bytes_missing": {"id": "isinya tidak ada", "en": "its contents are missing"},
        "not_of_this_case": {
            "id": "catatannya bukan catatan kasus ini",
            "en": "the record is not a record of this case",
        },
        "document": {
            "id": "isi sebuah dokumen tidak cocok dengan hash-nya",
            "en": "a document does not match its checksum",
        },
        "documents": {
            "id": "berkas dokumennya tidak sesuai dengan daftar di paket",
            "en": "its document files do not match the batch's list",
        },
    }
)
_THINGS.update({"document": {"id": "Dokumen", "en": "Document"}})
FIELD_LABELS.update(
    {
        "attached_to": {"id": "Dilampirkan pada", "en": "Attached to"},
        "attached_id": {"id": "Catatan yang dilampiri", "en": "Record attached to"},
        "document_on": {"id": "Tanggal dokumen", "en": "Date of the document"},
        "file_name": {"id": "Nama berkas", "en": "File name"},
        "media_type": {"id": "Jenis berkas", "en": "File type"},
        "size": {"id": "Ukuran", "en": "Size"},
        "sha256": {"id": "SHA-256", "en": "SHA-256"},
    }
)
MESSAGES.update(
    {
        "cli_documents_none": {
            "id": "Kasus {case_number} belum punya dokumen.",
            "en": "Case {case_number} has no documents yet.",
        },
        "cli_document_added": {
            "id": "Dokumen {id} disimpan terenkripsi pada kasus {case_number} ({size} bita).",
            "en": "Document {id} kept, encrypted, with case {case_number} ({size} bytes).",
        },
        "cli_document_saved": {
            "id": "Salinan dokumen ditulis ke {out}.",
            "en": "A copy of the document is written to {out}.",
        },
        "cli_document_not_encrypted": {
            "id": "peringatan: salinan ini TIDAK terenkripsi dan memuat data pribadi korban. "
            "Simpan di tempat aman dan hapus bila tidak diperlukan lagi.",
            "en": "warning: this copy is NOT encrypted and holds a victim's personal data. "
            "Keep it somewhere safe and delete it when it is no longer needed.",
        },
        "cli_batch_parts": {
            "id": "Dokumennya ada di {count} berkas di sampingnya ({names}): salin semuanya "
            "bersama berkas paket.",
            "en": "Its documents are in {count} files beside it ({names}): copy them all "
            "with the batch file.",
        },
        "cli_batch_documents_kept": {
            "id": "Dokumen yang diterima dan diperiksa: {count}.",
            "en": "Documents received and checked: {count}.",
        },
    }
)
MESSAGES.update(
    {
        "batch_too_many_documents": {
            "id": "Paket ini akan membawa {documents} dokumen ({gigabytes} GB), lebih dari "
            "yang dapat dibawa satu paket (paling banyak {max} dokumen, 64 GB); tidak ada "
            "yang ditulis. Hubungi petugas TI kantor: dokumen yang belum terkirim perlu "
            "dibagi dalam beberapa kiriman.",
            "en": "This batch would carry {documents} documents ({gigabytes} GB), more than "
            "one batch may (at most {max} documents, 64 GB); nothing was written. Call the "
            "office's IT staff: the documents not yet sent must go in several batches.",
        },
    }
)
MESSAGES.update(
    {
        "batch_part_chosen": {
            "id": "Berkas ini adalah berkas dokumen dari sebuah paket, bukan paketnya; tidak "
            "ada yang diimpor. Impor berkas paket {batch} yang ada di sampingnya.",
            "en": "This file is one of a batch's document files, not the batch; nothing was "
            "imported. Import the batch file {batch} beside it.",
        },
    }
)

# --- issue 25: SIMFONI-PPA ---
MESSAGES.update(
    {
        "simfoni_refused": {
            "id": "Catatan SIMFONI-PPA tidak dapat disimpan: {reason}.",
            "en": "The SIMFONI-PPA entry cannot be recorded: {reason}.",
        },
        "simfoni_refused_already_entered": {
            "id": "Kasus {case_number} sudah tercatat masuk SIMFONI-PPA ({reference}, "
            "{on}); tidak dicatat dua kali. Hapus catatan itu dahulu bila salah.",
            "en": "Case {case_number} is already recorded as entered into SIMFONI-PPA "
            "({reference}, {on}); it is not recorded twice. Remove that entry first if "
            "it is wrong.",
        },
        "simfoni_refused_reference_taken": {
            "id": "Nomor SIMFONI {reference} sudah tercatat untuk kasus {case_number}; "
            "periksa nomornya (satu kasus hanya dimasukkan sekali).",
            "en": "SIMFONI reference {reference} is already recorded for case "
            "{case_number}; check the number (a case is entered only once).",
        },
        "cli_simfoni_recorded": {
            "id": "Kasus {case_number} dicatat masuk SIMFONI-PPA: {reference}, {on}.",
            "en": "Case {case_number} recorded as entered into SIMFONI-PPA: {reference}, {on}.",
        },
        "cli_simfoni_removed": {
            "id": "Catatan SIMFONI-PPA kasus {case_number} dihapus.",
            "en": "The SIMFONI-PPA entry of case {case_number} is removed.",
        },
        "cli_simfoni_summary": {
            "id": "{start} s.d. {end}: {cases} kasus, {entered} sudah masuk SIMFONI-PPA, "
            "{missing} belum.",
            "en": "{start} to {end}: {cases} cases, {entered} entered into SIMFONI-PPA, "
            "{missing} not yet.",
        },
    }
)
REASONS.update(
    {
        "already_entered": {
            "id": "kasus sudah tercatat masuk",
            "en": "the case is already recorded as entered",
        },
        "reference_taken": {
            "id": "nomornya sudah tercatat untuk kasus lain",
            "en": "the reference is recorded for another case",
        },
    }
)
_THINGS.update({"simfoni_entry": {"id": "Catatan SIMFONI-PPA", "en": "SIMFONI-PPA entry"}})
FIELD_LABELS.update(
    {
        "entered_on": {"id": "Tanggal dimasukkan", "en": "Entered on"},
        "entered_by": {"id": "Dimasukkan oleh", "en": "Entered by"},
        "reference": {"id": "Nomor SIMFONI", "en": "SIMFONI reference"},
    }
)
