"""The one catalog of violation codes: every code the tools report is defined here.

Codes are stable kebab-case slugs. Each has a layer (which check finds it), a default severity,
a title, a description and a message template in Bahasa Indonesia and English. Templates are
rendered with :meth:`str.format_map` on the violation's context and never contain a personal
value: values travel separately and are masked unless the user asks to see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ERROR_CATALOG", "LAYERS", "ErrorCode", "Layer", "error_code"]

Layer = Literal["input", "package", "envelope", "structure", "reference", "domain", "dataset"]
Severity = Literal["error", "warning", "info"]

LAYERS: tuple[Layer, ...] = (
    "input",
    "package",
    "envelope",
    "structure",
    "reference",
    "domain",
    "dataset",
)


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One violation code with its texts in both languages."""

    code: str
    layer: Layer
    severity: Severity
    title_id: str
    title_en: str
    description_id: str
    description_en: str
    message_id: str
    message_en: str
    tags: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        """Return the title in ``lang`` ("id" or "en")."""
        return self.title_en if lang == "en" else self.title_id

    def description(self, lang: str) -> str:
        """Return the description in ``lang`` ("id" or "en")."""
        return self.description_en if lang == "en" else self.description_id

    def template(self, lang: str) -> str:
        """Return the message template in ``lang`` ("id" or "en")."""
        return self.message_en if lang == "en" else self.message_id


_CODES: tuple[ErrorCode, ...] = (
    # ------------------------------------------------------------------ input
    ErrorCode(
        "file-not-found",
        "input",
        "error",
        "Berkas tidak ditemukan",
        "File not found",
        "Jalur yang diberikan tidak ada.",
        "The given path does not exist.",
        "Berkas tidak ditemukan.",
        "File not found.",
        ("input",),
    ),
    ErrorCode(
        "not-a-file",
        "input",
        "error",
        "Bukan berkas",
        "Not a file",
        "Jalur yang diberikan adalah direktori atau bukan berkas biasa. Berikan berkas data, atau "
        "direktori paket yang berisi datapackage.json.",
        "The path is a directory or not a regular file. Give a data file, or a package directory "
        "holding datapackage.json.",
        "Jalur ini bukan berkas data (direktori tanpa datapackage.json?).",
        "This path is not a data file (a directory without datapackage.json?).",
        ("input",),
    ),
    ErrorCode(
        "file-unreadable",
        "input",
        "error",
        "Berkas tidak dapat dibaca",
        "File cannot be read",
        "Sistem operasi menolak membaca berkas (hak akses, berkas rusak).",
        "The operating system refused to read the file (permissions, damaged file).",
        "Berkas tidak dapat dibaca: {reason}.",
        "File cannot be read: {reason}.",
        ("input",),
    ),
    ErrorCode(
        "not-utf8",
        "input",
        "error",
        "Bukan UTF-8",
        "Not UTF-8",
        "Berkas pertukaran wajib berenkode UTF-8. Berkas yang disimpan Excel sebagai 'CSV' biasa "
        "sering berenkode Windows-1252; simpan ulang sebagai 'CSV UTF-8' atau ubah dengan "
        "`iconv -f WINDOWS-1252 -t UTF-8`.",
        "Exchange files must be UTF-8. Files saved by Excel as plain 'CSV' are often "
        "Windows-1252; save again as 'CSV UTF-8' or convert with `iconv -f WINDOWS-1252 -t UTF-8`.",
        "Berkas bukan UTF-8 (byte tidak sah pada posisi {position}; tampaknya {encoding}). "
        "Ubah dengan: iconv -f {encoding} -t UTF-8 BERKAS > BERKAS.utf8",
        "File is not UTF-8 (invalid byte at offset {position}; it looks like {encoding}). "
        "Convert it with: iconv -f {encoding} -t UTF-8 FILE > FILE.utf8",
        ("input", "encoding"),
    ),
    ErrorCode(
        "empty-file",
        "input",
        "error",
        "Berkas kosong",
        "Empty file",
        "Berkas tidak berisi data sama sekali.",
        "The file holds no data at all.",
        "Berkas kosong.",
        "The file is empty.",
        ("input",),
    ),
    ErrorCode(
        "unsupported-format",
        "input",
        "error",
        "Format tidak didukung",
        "Unsupported format",
        "Jenis berkas tidak dikenali dari ekstensinya. Format yang didukung: .json, .jsonl/.ndjson, "
        ".csv/.tsv dan .xlsx; pilih format dengan --input-format bila ekstensinya lain.",
        "The file type is not known from its extension. Supported: .json, .jsonl/.ndjson, "
        ".csv/.tsv and .xlsx; choose one with --input-format when the extension differs.",
        "Format berkas '{extension}' tidak didukung.",
        "File format '{extension}' is not supported.",
        ("input",),
    ),
    ErrorCode(
        "invalid-xlsx",
        "input",
        "error",
        "Buku kerja Excel rusak",
        "Broken Excel workbook",
        "Berkas .xlsx tidak dapat dibuka sebagai buku kerja Excel (Office Open XML): terpotong, "
        "dilindungi kata sandi, atau sebenarnya format lain (.xls lama, CSV yang diberi nama "
        ".xlsx). Simpan ulang sebagai 'Excel Workbook (.xlsx)' atau 'CSV UTF-8'.",
        "The .xlsx file cannot be opened as an Excel (Office Open XML) workbook: truncated, "
        "password-protected, or another format in disguise (old .xls, a CSV named .xlsx). Save it "
        "again as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'.",
        "Berkas bukan buku kerja .xlsx yang dapat dibaca: {reason}.",
        "The file is not a readable .xlsx workbook: {reason}.",
        ("input", "excel"),
    ),
    ErrorCode(
        "excel-date-cell",
        "input",
        "warning",
        "Sel tanggal Excel",
        "Excel date cell",
        "Excel mengenali teks tanggal (20-01-2024) lalu menyimpannya sebagai sel bertipe tanggal. "
        "Validator membaca sel itu dalam bentuk yang diminta kontrak, tetapi pembaca lain dapat "
        "melihat bilangan seri atau bentuk lokal. Format kolom sebagai Teks. Dilaporkan sekali per "
        "kolom, pada baris pertama yang memuatnya.",
        "Excel recognised date text (20-01-2024) and stored it as a date-typed cell. The validator "
        "reads such cells in the contract's form, but other readers may see a serial number or a "
        "local form. Format the column as Text. Reported once per column, at the first row that "
        "holds one.",
        "Kolom '{field}' berisi sel bertipe tanggal Excel, bukan teks; dibaca sebagai {expected}. "
        "Format kolom sebagai Teks.",
        "Column '{field}' holds Excel date-typed cells, not text; read as {expected}. Format the "
        "column as Text.",
        ("input", "excel", "spreadsheet", "date"),
    ),
    ErrorCode(
        "invalid-json",
        "input",
        "error",
        "JSON tidak sah",
        "Invalid JSON",
        "Teks bukan JSON yang sah (terpotong, koma berlebih, tanda kutip salah).",
        "The text is not valid JSON (truncated, trailing comma, wrong quotes).",
        "JSON tidak sah pada baris {line} kolom {column}: {reason}.",
        "Invalid JSON at line {line} column {column}: {reason}.",
        ("input", "json"),
    ),
    ErrorCode(
        "duplicate-key",
        "input",
        "error",
        "Kunci ganda",
        "Duplicate key",
        "Satu objek JSON memuat kunci yang sama dua kali; pembaca yang berbeda akan mengambil nilai "
        "yang berbeda.",
        "One JSON object holds the same key twice; different readers would keep different values.",
        "Kunci '{field}' muncul lebih dari sekali dalam objek ini.",
        "Key '{field}' appears more than once in this object.",
        ("input", "json"),
    ),
    ErrorCode(
        "invalid-csv",
        "input",
        "error",
        "CSV tidak sah",
        "Invalid CSV",
        "Berkas tidak dapat dibaca sebagai CSV (tanda kutip tidak ditutup, sel terlalu panjang).",
        "The file cannot be read as CSV (an unclosed quote, a cell that is far too long).",
        "CSV tidak sah pada baris {line}: {reason}.",
        "Invalid CSV at line {line}: {reason}.",
        ("input", "csv"),
    ),
    ErrorCode(
        "missing-header",
        "input",
        "error",
        "Baris judul tidak ada",
        "Header row missing",
        "Berkas CSV (dan lembar pertama Excel) harus diawali baris judul berisi nama kolom persis "
        "seperti nama kunci kontrak.",
        "A CSV file (and the first Excel sheet) must start with a header row naming the columns "
        "exactly as the contract keys.",
        "Baris judul tidak ada: baris 1 kosong atau tidak memuat satu pun kolom kontrak (baris "
        "data tanpa judul, atau berkas dataset lain).",
        "The header row is missing: row 1 is empty or names no column of the contract (a data "
        "row without a header, or a file of another dataset).",
        ("input", "csv", "excel"),
    ),
    ErrorCode(
        "row-length-mismatch",
        "input",
        "error",
        "Jumlah sel tidak sesuai",
        "Wrong number of cells",
        "Satu baris CSV memiliki jumlah sel yang berbeda dari baris judul (pemisah atau tanda kutip "
        "yang salah); pada Excel, baris berisi sel di kanan kolom judul terakhir.",
        "A CSV row has a different number of cells than the header (wrong delimiter or quoting); in "
        "Excel, a row holds cells right of the last header column.",
        "Baris ini memiliki {actual} sel, baris judul {expected}.",
        "This row has {actual} cells, the header has {expected}.",
        ("input", "csv"),
    ),
    # --------------------------------------------------------------- envelope
    ErrorCode(
        "invalid-envelope",
        "envelope",
        "error",
        "Amplop respons tidak sah",
        "Invalid response envelope",
        'Respons web service harus berbentuk {"code": 1, "data": …} atau '
        '{"code": 0, "data": "Data tidak ditemukan"}.',
        'A web-service response must be {"code": 1, "data": …} or '
        '{"code": 0, "data": "Data tidak ditemukan"}.',
        "Amplop respons tidak sah: {reason}.",
        "Invalid response envelope: {reason}.",
        ("envelope",),
    ),
    ErrorCode(
        "data-not-found",
        "envelope",
        "info",
        "Data tidak ditemukan",
        "No data found",
        'Respons SIASN {"code": 0, "data": "Data tidak ditemukan"}: tidak ada record untuk '
        "NIP itu. Bentuk ini sah dan tidak berisi record.",
        'The SIASN answer {"code": 0, "data": "Data tidak ditemukan"}: there is no record for '
        "that NIP. The form is valid and holds no records.",
        "Respons 'data tidak ditemukan': tidak ada record.",
        "'No data found' response: no records.",
        ("envelope",),
    ),
    # -------------------------------------------------------------- structure
    ErrorCode(
        "missing-field",
        "structure",
        "error",
        "Kolom wajib tidak ada",
        "Required field missing",
        "Kunci (atau kolom CSV) yang wajib menurut kontrak tidak ada.",
        "A key (or CSV column) the contract requires is absent.",
        "Kolom wajib '{field}' tidak ada.",
        "Required field '{field}' is missing.",
        ("structure", "required"),
    ),
    ErrorCode(
        "field-not-agreed",
        "structure",
        "error",
        "Kolom di luar kesepakatan",
        "Field not agreed",
        "Payload memuat kunci yang tidak tercantum dalam kontrak (Lampiran). Pasal 9 PKS: data yang "
        "tidak disepakati tidak boleh dipertukarkan. Galat untuk data yang dikirim LAN; peringatan "
        "untuk respons SIASN (SIASN menambah kolom dari waktu ke waktu). Buang kolom itu sebelum "
        "menyimpan (lihat `kontrak strip`).",
        "The payload holds a key that the contract (Lampiran) does not list. Agreement Pasal 9: "
        "data not agreed must not be exchanged. An error for data LAN sends; a warning for SIASN "
        "responses (SIASN adds fields over time). Drop the field before storing it.",
        "Kolom '{field}' tidak tercantum dalam kontrak.",
        "Field '{field}' is not in the contract.",
        ("structure", "minimisation", "pasal-9"),
    ),
    ErrorCode(
        "wrong-type",
        "structure",
        "error",
        "Tipe salah",
        "Wrong type",
        "Nilai bertipe JSON yang berbeda dari kontrak; misalnya angka dikirim sebagai bilangan, "
        "padahal SIASN mengirimnya sebagai teks.",
        "The value has a different JSON type from the contract, e.g. a number sent as a JSON number "
        "where SIASN sends text.",
        "'{field}' harus bertipe {expected}, diterima {actual}.",
        "'{field}' must be of type {expected}, got {actual}.",
        ("structure", "type"),
    ),
    ErrorCode(
        "pattern-mismatch",
        "structure",
        "error",
        "Pola tidak cocok",
        "Pattern mismatch",
        "Nilai teks tidak mengikuti pola kontrak (misalnya NIP 18 digit atau id SIASN).",
        "The text value does not follow the contract's pattern (e.g. an 18-digit NIP or a SIASN id).",
        "'{field}' tidak sesuai pola {expected}.",
        "'{field}' does not match the pattern {expected}.",
        ("structure", "pattern"),
    ),
    ErrorCode(
        "value-not-allowed",
        "structure",
        "error",
        "Nilai tidak diizinkan",
        "Value not allowed",
        "Nilai bukan salah satu kode yang diizinkan kontrak.",
        "The value is not one of the codes the contract allows.",
        "'{field}' harus salah satu dari: {expected}.",
        "'{field}' must be one of: {expected}.",
        ("structure", "enum"),
    ),
    ErrorCode(
        "too-short",
        "structure",
        "error",
        "Terlalu pendek",
        "Too short",
        "Teks lebih pendek dari panjang minimum kontrak.",
        "The text is shorter than the contract's minimum length.",
        "'{field}' minimal {expected} karakter.",
        "'{field}' must have at least {expected} characters.",
        ("structure", "length"),
    ),
    ErrorCode(
        "too-long",
        "structure",
        "error",
        "Terlalu panjang",
        "Too long",
        "Teks lebih panjang dari panjang maksimum kontrak.",
        "The text is longer than the contract's maximum length.",
        "'{field}' maksimal {expected} karakter.",
        "'{field}' must have at most {expected} characters.",
        ("structure", "length"),
    ),
    ErrorCode(
        "below-minimum",
        "structure",
        "error",
        "Di bawah minimum",
        "Below minimum",
        "Bilangan lebih kecil dari batas bawah kontrak.",
        "The number is below the contract's lower bound.",
        "'{field}' harus ≥ {expected}.",
        "'{field}' must be ≥ {expected}.",
        ("structure", "range"),
    ),
    ErrorCode(
        "above-maximum",
        "structure",
        "error",
        "Di atas maksimum",
        "Above maximum",
        "Bilangan lebih besar dari batas atas kontrak.",
        "The number is above the contract's upper bound.",
        "'{field}' harus ≤ {expected}.",
        "'{field}' must be ≤ {expected}.",
        ("structure", "range"),
    ),
    ErrorCode(
        "invalid-date",
        "structure",
        "error",
        "Tanggal tidak sah",
        "Invalid date",
        "Tanggal harus DD-MM-YYYY dan merupakan tanggal kalender yang ada (31-02 atau 29-02 pada "
        "tahun bukan kabisat ditolak).",
        "Dates must be DD-MM-YYYY and exist in the calendar (31-02, or 29-02 outside a leap year, "
        "is rejected).",
        "'{field}' bukan tanggal {expected} yang sah.",
        "'{field}' is not a valid {expected} date.",
        ("structure", "date"),
    ),
    ErrorCode(
        "invalid-format",
        "structure",
        "error",
        "Format tidak sah",
        "Invalid format",
        "Nilai tidak sesuai format yang dinyatakan kontrak.",
        "The value does not follow the format the contract declares.",
        "'{field}' tidak sesuai format {expected}.",
        "'{field}' does not follow the format {expected}.",
        ("structure", "format"),
    ),
    ErrorCode(
        "schema-mismatch",
        "structure",
        "error",
        "Tidak sesuai skema",
        "Schema mismatch",
        "Nilai melanggar aturan skema lain (kata kunci JSON Schema '{keyword}').",
        "The value breaks another schema rule (JSON Schema keyword '{keyword}').",
        "'{field}' melanggar aturan skema '{keyword}'.",
        "'{field}' breaks the schema rule '{keyword}'.",
        ("structure",),
    ),
    # ------------------------------------------- structure: spreadsheet damage
    ErrorCode(
        "number-as-scientific",
        "structure",
        "error",
        "Angka berubah menjadi notasi ilmiah",
        "Number turned into scientific notation",
        "Spreadsheet (Excel, LibreOffice) menampilkan angka panjang seperti NIP 18 digit sebagai "
        "1.98403E+17 dan menyimpannya begitu saat diekspor ke CSV, atau menyimpannya sebagai "
        "bilangan yang hanya memuat 15 digit. Digit terakhir hilang dan tidak dapat dipulihkan "
        "dari berkas ini. Format kolom sebagai Teks sebelum data ditempel, lalu ekspor ulang dari "
        "data sumber.",
        "Spreadsheets (Excel, LibreOffice) show long numbers such as an 18-digit NIP as 1.98403E+17 "
        "and save them that way when exporting to CSV, or store them as numbers holding only 15 "
        "digits. The last digits are lost and cannot be recovered from this file. Format the "
        "column as Text before pasting the data, then export again from the source data.",
        "'{field}' ditulis dalam notasi ilmiah (seperti 1.98403E+17): spreadsheet mengubah angka "
        "panjang dan digitnya hilang. Format kolom sebagai Teks lalu ekspor ulang dari data sumber.",
        "'{field}' is written in scientific notation (like 1.98403E+17): a spreadsheet changed the "
        "long number and its digits are lost. Format the column as Text and export again from the "
        "source data.",
        ("structure", "spreadsheet"),
    ),
    ErrorCode(
        "leading-zeros-lost",
        "structure",
        "error",
        "Nol di depan hilang",
        "Leading zeros lost",
        "Nilai berupa deretan digit yang tidak sesuai kontrak, tetapi menjadi sah bila diberi nol "
        "di depan: spreadsheet memperlakukan kode sebagai bilangan dan menghapus nol di depannya. "
        "Format kolom sebagai Teks lalu ekspor ulang dari data sumber.",
        "The value is a run of digits the contract rejects, but it becomes valid with leading zeros "
        "added: a spreadsheet treated the code as a number and dropped its leading zeros. Format "
        "the column as Text and export again from the source data.",
        "'{field}' tidak sesuai pola {expected}, tetapi sah bila diberi nol di depan: spreadsheet "
        "tampaknya menghapus nol di depan. Format kolom sebagai Teks.",
        "'{field}' does not match the pattern {expected} but would with leading zeros: a "
        "spreadsheet seems to have dropped them. Format the column as Text.",
        ("structure", "spreadsheet"),
    ),
    ErrorCode(
        "date-retyped",
        "structure",
        "error",
        "Tanggal diubah bentuknya oleh spreadsheet",
        "Date retyped by a spreadsheet",
        "Spreadsheet mengenali tanggal DD-MM-YYYY lalu menuliskannya kembali dalam bentuk lokalnya "
        "(2024-01-20, 1/20/2024, 20/01/2024, atau nomor seri Excel). Kontrak meminta bentuk yang "
        "tertulis di pesan. Format kolom sebagai Teks, atau ubah format selnya menjadi bentuk yang "
        "diminta sebelum mengekspor.",
        "A spreadsheet recognised a DD-MM-YYYY date and wrote it back in its own locale's form "
        "(2024-01-20, 1/20/2024, 20/01/2024, or an Excel serial number). The contract asks for the "
        "form named in the message. Format the column as Text, or set the cell format to the "
        "required form before exporting.",
        "'{field}' ditulis dalam bentuk {seen}, bukan {expected}: spreadsheet mengubah bentuk "
        "tanggal. Format kolom sebagai Teks atau sebagai {expected}.",
        "'{field}' is written as {seen}, not {expected}: a spreadsheet retyped the date. Format "
        "the column as Text or as {expected}.",
        ("structure", "spreadsheet", "date"),
    ),
    ErrorCode(
        "decimal-comma",
        "structure",
        "error",
        "Koma desimal",
        "Decimal comma",
        "Bilangan ditulis dengan koma desimal (37,5) seperti pada spreadsheet berlokal Indonesia; "
        "kontrak meminta titik desimal (37.5) tanpa pemisah ribuan. Ubah pemisah desimal "
        "spreadsheet atau format kolom sebagai Teks.",
        "The number is written with a decimal comma (37,5) as in a spreadsheet with an Indonesian "
        "locale; the contract asks for a decimal point (37.5) and no thousands separator. Change "
        "the spreadsheet's decimal separator or format the column as Text.",
        "'{field}' memakai koma desimal; kontrak meminta titik desimal (mis. 37.5).",
        "'{field}' uses a decimal comma; the contract asks for a decimal point (e.g. 37.5).",
        ("structure", "spreadsheet"),
    ),
    ErrorCode(
        "deprecated-field",
        "structure",
        "warning",
        "Kolom usang dipakai",
        "Deprecated field used",
        "Kontrak menyatakan kolom ini usang (x-deprecated): masih diterima pada versi ini tetapi akan dihapus pada versi mayor sesudah tanggal yang disebut. Pindahkan ke kolom penggantinya. Dilaporkan sekali per berkas, pada record pertama yang memakainya.",
        "The contract marks this field as deprecated (x-deprecated): still accepted in this version but removed in a major version after the given date. Move to its replacement. Reported once per file, at the first record that uses it.",
        "Kolom '{field}' usang sejak {since}, dihapus setelah {removed_after}; pengganti: {replaced_by}.",
        "Field '{field}' is deprecated since {since}, removed after {removed_after}; replacement: {replaced_by}.",
        ("structure", "deprecation"),
    ),
    # -------------------------------------------------------------- reference
    ErrorCode(
        "unknown-code",
        "reference",
        "error",
        "Kode tidak dikenal",
        "Unknown code",
        "Nilai bukan kode yang ada di tabel referensi yang ditunjuk kontrak (kode referensi BKN atau LAN, versi tertentu).",
        "The value is not a code of the reference table the contract points to (a BKN or LAN code list, a given version).",
        "'{field}' bukan kode di tabel referensi {table} (kolom {column}).",
        "'{field}' is not a code of reference table {table} (column {column}).",
        ("reference",),
    ),
    ErrorCode(
        "reference-mismatch",
        "reference",
        "error",
        "Tidak cocok dengan tabel referensi",
        "Does not match the reference table",
        "Kolom ini harus sama dengan nilai tabel referensi pada baris kode yang dipakai record (misalnya nama golongan untuk kode golongan).",
        "This field must equal the reference table's value on the row of the code the record uses (e.g. the rank name of the rank code).",
        "'{field}' tidak sama dengan kolom {column} di {table} untuk kode '{key}'.",
        "'{field}' differs from column {column} of {table} for the code in '{key}'.",
        ("reference",),
    ),
    ErrorCode(
        "foreign-key-missing",
        "reference",
        "error",
        "Kunci asing tidak ditemukan",
        "Foreign key not found",
        "Record menunjuk record dataset lain (misalnya NIP pada daftar Widyaiswara/Analis Kebijakan) yang tidak ada di paket yang sama atau paket pembanding.",
        "The record points to a record of another dataset (e.g. a NIP on the Widyaiswara/Analis Kebijakan roster) that is in neither the same package nor the package given with --against.",
        "Nilai kunci asing ({fields}) tidak ditemukan di {target}.",
        "The foreign key value ({fields}) is not found in {target}.",
        ("reference", "foreign-key"),
    ),
    ErrorCode(
        "foreign-key-unchecked",
        "reference",
        "info",
        "Kunci asing tidak diperiksa",
        "Foreign key not checked",
        "Dataset tujuan kunci asing (misalnya daftar Widyaiswara/Analis Kebijakan) tidak ada di paket maupun di paket pembanding, sehingga kunci asing berkas ini tidak diperiksa. Berikan paket BKN dengan --against.",
        "The target dataset of a foreign key (e.g. the Widyaiswara/Analis Kebijakan roster) is in neither the package nor a package given with --against, so this file's foreign keys were not checked. Give BKN's package with --against.",
        "Kunci asing ({fields}) tidak diperiksa: {target} tidak tersedia.",
        "Foreign key ({fields}) not checked: {target} is not at hand.",
        ("reference", "foreign-key"),
    ),
    # ---------------------------------------------------------------- package
    ErrorCode(
        "invalid-package",
        "package",
        "error",
        "Deskriptor paket tidak sah",
        "Invalid package descriptor",
        "datapackage.json tidak sesuai profil paket pertukaran (Data Package Frictionless + blok x-kontrak: penyedia, periode, versi kontrak tiap sumber daya).",
        "datapackage.json does not follow the exchange-package profile (Frictionless Data Package + an x-kontrak block: provider, period, the contract version of each resource).",
        "Deskriptor paket tidak sah: {reason}.",
        "Invalid package descriptor: {reason}.",
        ("package",),
    ),
    ErrorCode(
        "unsafe-resource-path",
        "package",
        "error",
        "Jalur sumber daya tidak aman",
        "Unsafe resource path",
        "Jalur sumber daya harus relatif terhadap folder paket: bukan jalur absolut, tanpa '..', dan bukan URL. Sumber daya seperti itu tidak dibaca.",
        "A resource path must be relative to the package folder: not absolute, without '..', not a URL. Such a resource is not read.",
        "Jalur sumber daya '{path}' ditolak: {reason}.",
        "Resource path '{path}' refused: {reason}.",
        ("package", "security"),
    ),
    ErrorCode(
        "unknown-contract",
        "package",
        "error",
        "Versi kontrak tidak dikenal",
        "Unknown contract version",
        "Sumber daya menyatakan dataset atau versi kontrak yang tidak ada di katalog.",
        "The resource declares a dataset or contract version that is not in the catalog.",
        "Kontrak '{contract}' tidak ada di katalog.",
        "Contract '{contract}' is not in the catalog.",
        ("package",),
    ),
    ErrorCode(
        "hash-mismatch",
        "package",
        "error",
        "Sidik jari tidak cocok",
        "Checksum mismatch",
        "sha256 berkas tidak sama dengan yang dinyatakan di datapackage.json: berkas berubah atau rusak setelah paket dibuat.",
        "The file's sha256 differs from the one in datapackage.json: the file changed or was damaged after packaging.",
        "sha256 berkas tidak sama dengan deskriptor.",
        "The file's sha256 does not match the descriptor.",
        ("package", "integrity"),
    ),
    ErrorCode(
        "byte-count-mismatch",
        "package",
        "error",
        "Ukuran berkas tidak cocok",
        "Byte count mismatch",
        "Ukuran berkas tidak sama dengan 'bytes' di datapackage.json.",
        "The file size differs from 'bytes' in datapackage.json.",
        "Ukuran berkas {actual} byte, deskriptor menyatakan {expected}.",
        "The file has {actual} bytes, the descriptor says {expected}.",
        ("package", "integrity"),
    ),
    ErrorCode(
        "record-count-mismatch",
        "package",
        "error",
        "Jumlah record tidak cocok",
        "Record count mismatch",
        "Jumlah record yang terbaca tidak sama dengan jumlah yang dinyatakan di datapackage.json.",
        "The number of records read differs from the number declared in datapackage.json.",
        "Terbaca {actual} record, deskriptor menyatakan {expected}.",
        "{actual} records read, the descriptor says {expected}.",
        ("package", "integrity"),
    ),
    ErrorCode(
        "package-provider-mismatch",
        "package",
        "error",
        "Penyedia tidak sesuai",
        "Wrong provider",
        "Paket dari satu pihak memuat dataset yang menurut Lampiran disediakan pihak lain.",
        "A package from one party holds a dataset that the Lampiran says the other party provides.",
        "Dataset '{dataset}' disediakan {expected}, bukan {actual}.",
        "Dataset '{dataset}' is provided by {expected}, not {actual}.",
        ("package",),
    ),
    # ----------------------------------------------------------------- domain
    ErrorCode(
        "nip-invalid",
        "domain",
        "error",
        "NIP tidak sah",
        "Invalid NIP",
        "Struktur NIP (Perka BKN 22/2007) salah: digit 1–8 tanggal lahir yang ada; digit 9–14 TMT "
        "CPNS YYYYMM (NI PPPK: tahun + 2 digit); digit 15 jenis kelamin 1 atau 2; digit 16–18 "
        "nomor urut 001–999.",
        "The NIP structure (Perka BKN 22/2007) is wrong: digits 1–8 an existing birth date; digits "
        "9–14 the CPNS appointment YYYYMM (NI PPPK: year + 2 digits); digit 15 sex 1 or 2; digits "
        "16–18 sequence 001–999.",
        "'{field}': {part_id} tidak sah.",
        "'{field}': {part_en} is not valid.",
        ("domain", "nip"),
    ),
    # --- BKN → LAN block (siasn-* contracts): NIK rules ---
    ErrorCode(
        "nik-invalid",
        "domain",
        "warning",
        "NIK tidak sah",
        "Invalid NIK",
        "Struktur NIK (UU 24/2013, Dukcapil) salah: digit 1–2 kode provinsi yang ada; digit 3–4 "
        "kabupaten/kota dan 5–6 kecamatan bukan 00; digit 7–12 tanggal lahir DDMMYY yang ada (hari "
        "+ 40 bagi perempuan); digit 13–16 nomor urut mulai 0001. NIK yang salah terbit tidak "
        "pernah diganti, sehingga kontrak SIASN memakainya sebagai peringatan.",
        "The NIK structure (Law 24/2013, Dukcapil) is wrong: digits 1–2 an existing province code; "
        "digits 3–4 regency/city and 5–6 district other than 00; digits 7–12 an existing birth date "
        "DDMMYY (day + 40 for women); digits 13–16 a sequence from 0001. NIKs issued with errors "
        "are never replaced, so the SIASN contracts use it as a warning.",
        "'{field}': {part_id} tidak sah.",
        "'{field}': {part_en} is not valid.",
        ("domain", "nik"),
    ),
    ErrorCode(
        "nik-mismatch",
        "domain",
        "warning",
        "NIK tidak cocok dengan data orang",
        "NIK does not match the person",
        "Bagian NIK harus sama dengan data orangnya: digit 7–12 = tanggal lahir DDMMYY, dan hari "
        "lahir lebih dari 40 jika dan hanya jika perempuan (F). Data nyata kadang menyimpang (NIK "
        "terbit dengan salah), maka kontrak SIASN memakainya sebagai peringatan.",
        "Parts of the NIK must match the person: digits 7–12 = birth date DDMMYY, and a birth day "
        "above 40 if and only if female (F). Real data sometimes departs (NIKs issued with errors), "
        "so the SIASN contracts use it as a warning.",
        "NIK tidak cocok dengan data orang ({part_id}).",
        "The NIK does not match the person ({part_en}).",
        ("domain", "nik"),
    ),
    # --- end of BKN → LAN block ---
    ErrorCode(
        "flags-conflict",
        "domain",
        "error",
        "Penanda bertentangan",
        "Conflicting flags",
        'Paling banyak satu penanda jenis PAK (pertama, integrasi, konversi) boleh bernilai "1".',
        'At most one assessment-kind flag (first, integration, conversion) may be "1".',
        'Lebih dari satu penanda bernilai "1": {fields}.',
        'More than one flag is "1": {fields}.',
        ("domain", "angka-kredit"),
    ),
    ErrorCode(
        "period-reversed",
        "domain",
        "error",
        "Periode terbalik",
        "Reversed period",
        "Awal periode harus sama dengan atau sebelum akhir periode.",
        "The start of a period must be on or before its end.",
        "Awal periode ({start}) jatuh sesudah akhir periode ({end}).",
        "The period start ({start}) falls after its end ({end}).",
        ("domain", "date"),
    ),
    ErrorCode(
        "year-date-mismatch",
        "domain",
        "error",
        "Tahun tidak sesuai tanggal",
        "Year does not match the date",
        "Kolom tahun harus sama dengan tahun pada kolom tanggal yang bersangkutan (misalnya tahunKursus dengan tanggalKursus).",
        "The year field must equal the year of its date field (e.g. tahunKursus and tanggalKursus).",
        "'{field}' tidak sama dengan tahun '{date_field}'.",
        "'{field}' differs from the year of '{date_field}'.",
        ("domain", "date"),
    ),
    ErrorCode(
        "credit-sum-mismatch",
        "domain",
        "warning",
        "Jumlah angka kredit tidak cocok",
        "Credit total does not add up",
        "Bila unsur utama dan penunjang diisi, jumlah angka kredit harus sama dengan jumlah keduanya.",
        "When core and supporting credit are both given, the total must be their sum.",
        "'{field}' bukan jumlah {parts}.",
        "'{field}' is not the sum of {parts}.",
        ("domain", "angka-kredit"),
    ),
    ErrorCode(
        "nip-mismatch",
        "domain",
        "error",
        "NIP tidak cocok dengan data orang",
        "NIP does not match the person",
        "Bagian NIP harus sama dengan data orangnya: digit 1–8 = tanggal lahir, digit 9–14 = bulan dan tahun TMT CPNS, digit 15 = jenis kelamin (1 laki-laki/M, 2 perempuan/F).",
        "Parts of the NIP must match the person: digits 1–8 = birth date, digits 9–14 = month and year of the CPNS appointment, digit 15 = sex (1 male/M, 2 female/F).",
        "NIP tidak cocok dengan '{field}' ({part_id}).",
        "The NIP does not match '{field}' ({part_en}).",
        ("domain", "nip"),
    ),
    ErrorCode(
        "jenjang-golongan-mismatch",
        "domain",
        "warning",
        "Jenjang tidak sesuai golongan",
        "Level does not fit the rank",
        "Golongan/ruang berada di luar rentang jenjang jabatan fungsional keahlian: Ahli Pertama III/a–III/b, Ahli Muda III/c–III/d, Ahli Madya IV/a–IV/c, Ahli Utama IV/d–IV/e.",
        "The rank is outside the span of the expert functional level: first III/a–III/b, junior III/c–III/d, middle IV/a–IV/c, senior IV/d–IV/e.",
        "'{field}' di luar rentang golongan jenjang {jenjang} ({span}).",
        "'{field}' is outside the rank span of level {jenjang} ({span}).",
        ("domain", "jabatan-fungsional"),
    ),
    # ------------------------------------------- domain: LAN datasets and correction lists
    ErrorCode(
        "jp-implausible",
        "domain",
        "warning",
        "Jam pelajaran tidak wajar",
        "Implausible lesson hours",
        "Jumlah jam pelajaran (JP) melebihi batas JP per hari dikali jumlah hari kegiatan (tanggal mulai sampai selesai, keduanya dihitung).",
        "The lesson hours (JP) exceed the per-day limit times the number of days of the activity (start to end date, both counted).",
        "'{field}' melebihi {max_per_day} JP per hari untuk {days} hari (batas {limit} JP).",
        "'{field}' exceeds {max_per_day} JP a day over {days} days (limit {limit} JP).",
        ("domain", "pelatihan"),
    ),
    ErrorCode(
        "conditional-field-empty",
        "domain",
        "error",
        "Kolom wajib menurut kolom lain kosong",
        "Field required by another field is empty",
        "Kolom ini wajib diisi bila kolom penentunya bernilai tertentu (misalnya tanggal tindak lanjut bila status perbaikan selesai).",
        "This field must be filled when the field it depends on has certain values (e.g. the follow-up date when a correction is done).",
        "'{field}' wajib diisi bila '{when_field}' bernilai {when_values}.",
        "'{field}' must be filled when '{when_field}' is {when_values}.",
        ("domain", "presence"),
    ),
    ErrorCode(
        "all-fields-empty",
        "domain",
        "error",
        "Semua kolom pilihan kosong",
        "All alternative fields empty",
        "Paling sedikit satu dari kolom yang disebut harus diisi (misalnya id record SIPKA atau id record SIASN).",
        "At least one of the named fields must be filled (e.g. the SIPKA or the SIASN record id).",
        "Paling sedikit satu dari {fields} harus diisi.",
        "At least one of {fields} must be filled.",
        ("domain", "presence"),
    ),
    ErrorCode(
        "party-missing",
        "domain",
        "error",
        "Pihak tidak ada",
        "Party missing",
        "Daftar (misalnya penanda tangan berita acara) harus memuat setiap pihak perjanjian: LAN dan BKN.",
        "The list (e.g. the signatories of the minutes) must hold every party to the agreement: LAN and BKN.",
        "'{field}' tidak memuat pihak {party}.",
        "'{field}' holds no entry of party {party}.",
        ("domain", "berita-acara"),
    ),
    ErrorCode(
        "count-sum-mismatch",
        "domain",
        "error",
        "Jumlah tidak cocok",
        "Counts do not add up",
        "Jumlah record harus sama dengan jumlah bagian-bagiannya (cocok + berbeda + hanya di satu pihak + ambigu).",
        "A record count must equal the sum of its parts (matched + different + only on one side + ambiguous).",
        "'{total}' bukan jumlah {parts}.",
        "'{total}' is not the sum of {parts}.",
        ("domain", "berita-acara"),
    ),
    ErrorCode(
        "ratio-mismatch",
        "domain",
        "error",
        "Nilai tidak sesuai pembilang dan penyebut",
        "Value does not match its ratio",
        "Nilai persentase harus sama dengan pembilang dibagi penyebut dikali 100 (selisih pembulatan paling besar 0,01), dengan pembilang tidak melebihi penyebut dan penyebut lebih dari nol.",
        "A percentage must equal the numerator divided by the denominator times 100 (rounding difference at most 0.01), with the numerator not above the denominator and the denominator above zero.",
        "'{field}' tidak sama dengan {numerator} / {denominator} × {scale}.",
        "'{field}' differs from {numerator} / {denominator} × {scale}.",
        ("domain", "evaluasi"),
    ),
    ErrorCode(
        "verdict-mismatch",
        "domain",
        "error",
        "Capaian tidak sesuai nilai dan target",
        "Verdict does not follow value and target",
        'Capaian "tercapai" berarti nilai ≥ target untuk indikator yang naik-lebih-baik, atau nilai ≤ target untuk indikator yang turun-lebih-baik; selain itu "tidak-tercapai".',
        'The verdict "tercapai" (met) means value ≥ target for a higher-is-better indicator, or value ≤ target for a lower-is-better one; otherwise "tidak-tercapai" (not met).',
        "'{field}' tidak sesuai perbandingan nilai dan target (arah {direction}).",
        "'{field}' does not follow the comparison of value and target (direction {direction}).",
        ("domain", "evaluasi"),
    ),
    ErrorCode(
        "period-outside-semester",
        "domain",
        "error",
        "Periode di luar semester",
        "Period outside the semester",
        "Periode pemadanan harus berada di dalam semesternya: semester 1 = 1 Januari–30 Juni, semester 2 = 1 Juli–31 Desember tahun yang sama (Pasal 3(2)4: paling sedikit dua kali setahun).",
        "The matching period must lie inside its semester: semester 1 = 1 January–30 June, semester 2 = 1 July–31 December of the same year (Pasal 3(2)4: at least twice a year).",
        "'{field}' di luar semester {semester} tahun {year}.",
        "'{field}' is outside semester {semester} of {year}.",
        ("domain", "berita-acara"),
    ),
    ErrorCode(
        "contract-not-in-catalog",
        "domain",
        "error",
        "Kontrak rujukan tidak ada",
        "Referenced contract not in the catalog",
        "Kolom ini menunjuk dataset dan versi kontrak (`dataset@versi`) yang tidak ada di katalog Lampiran.",
        "The field names a dataset and contract version (`dataset@version`) that the Lampiran catalog does not hold.",
        "'{field}': kontrak {contract} tidak ada di katalog.",
        "'{field}': contract {contract} is not in the catalog.",
        ("domain", "catalog"),
    ),
    ErrorCode(
        "contract-provider-mismatch",
        "domain",
        "error",
        "Penyedia kontrak rujukan tidak sesuai",
        "Referenced contract has another provider",
        "Dataset yang dirujuk disediakan pihak lain daripada yang diharapkan (misalnya perbaikan ditujukan kepada BKN padahal datanya milik LAN, atau hasil pemadanan sisi LAN menunjuk dataset BKN).",
        "The referenced dataset is provided by another party than expected (e.g. a correction addressed to BKN for data LAN owns, or the LAN side of a matching result naming a BKN dataset).",
        "'{field}': {contract} disediakan {actual}, bukan {expected}.",
        "'{field}': {contract} is provided by {actual}, not {expected}.",
        ("domain", "catalog"),
    ),
    ErrorCode(
        "field-not-in-contract",
        "domain",
        "error",
        "Kolom rujukan tidak ada di kontrak",
        "Referenced field not in the contract",
        "Perbaikan menyebut kolom yang tidak ada dalam kontrak dataset yang diperbaiki; nama kolom harus persis nama kunci di kawat.",
        "The correction names a field that the corrected dataset's contract does not hold; the name must be the exact wire key.",
        "'{field}': kolom '{target}' tidak ada dalam kontrak {contract}.",
        "'{field}': field '{target}' is not in contract {contract}.",
        ("domain", "perbaikan"),
    ),
    ErrorCode(
        "value-invalid-for-field",
        "domain",
        "error",
        "Nilai baru tidak sah untuk kolomnya",
        "New value not valid for its field",
        "Nilai baru suatu perbaikan harus sah menurut kontrak kolom yang diperbaiki (pola, kode, tanggal, tipe); nilai ditulis sebagai teks seperti sel CSV dan diubah ke tipe kolomnya.",
        "The new value of a correction must be valid under the contract of the corrected field (pattern, code, date, type); it is written as text like a CSV cell and converted to the field's type.",
        "'{field}' bukan nilai sah untuk '{target}' di {contract} ({reason}).",
        "'{field}' is not a valid value of '{target}' in {contract} ({reason}).",
        ("domain", "perbaikan"),
    ),
    ErrorCode(
        "konversi-table-mismatch",
        "domain",
        "warning",
        "Konversi tidak sesuai tabel",
        "Conversion does not match the table",
        "Pada PAK konversi (PermenPANRB 1/2023) persentase ditentukan predikat kinerja (Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25) dan koefisien ditentukan jenjang (Ahli Pertama 12,5; Muda 25; Madya 37,5; Utama 50).",
        "In a conversion assessment (PermenPANRB 1/2023) the percentage follows the performance rating (Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25) and the coefficient follows the level (Ahli Pertama 12.5; Muda 25; Madya 37.5; Utama 50).",
        "'{field}' tidak sesuai tabel PermenPANRB 1/2023 untuk '{basis}'.",
        "'{field}' does not match the PermenPANRB 1/2023 table for '{basis}'.",
        ("domain", "angka-kredit", "konversi"),
    ),
    ErrorCode(
        "konversi-credit-mismatch",
        "domain",
        "warning",
        "Angka kredit konversi tidak wajar",
        "Implausible conversion credit",
        "Angka kredit konversi tahunan = (jumlah bulan masa penilaian / 12) × persentase predikat × koefisien jenjang (PermenPANRB 1/2023; selisih pembulatan sampai 0,01 diterima).",
        "Annual conversion credit = (months in the assessment period / 12) × rating percentage × level coefficient (PermenPANRB 1/2023; rounding differences up to 0.01 are accepted).",
        "'{field}' bukan bulan/12 × persentase '{rating}' × '{coefficient}'.",
        "'{field}' is not months/12 × the percentage of '{rating}' × '{coefficient}'.",
        ("domain", "angka-kredit", "konversi"),
    ),
    ErrorCode(
        "konversi-implausible",
        "domain",
        "warning",
        "Angka kredit konversi di luar nilai yang mungkin",
        "Conversion credit outside the possible values",
        "Angka kredit PAK konversi (PermenPANRB 1/2023) = (jumlah bulan masa penilaian / 12) × persentase predikat (25, 50, 75, 100 atau 150 %) × koefisien jenjang (Ahli Pertama 12,5; Muda 25; Madya 37,5; Utama 50); selisih pembulatan sampai 0,01 diterima.",
        "The credit of a conversion assessment (PermenPANRB 1/2023) = (months in the assessment period / 12) × rating percentage (25, 50, 75, 100 or 150 %) × level coefficient (Ahli Pertama 12.5; Muda 25; Madya 37.5; Utama 50); rounding differences up to 0.01 are accepted.",
        "'{field}' bukan nilai yang mungkin untuk {months} bulan pada jenjang {level}: {allowed}.",
        "'{field}' is none of the possible values for {months} months at level {level}: {allowed}.",
        ("domain", "angka-kredit", "konversi"),
    ),
    # ---------------------------------------------------------------- dataset
    ErrorCode(
        "duplicate-primary-key",
        "dataset",
        "error",
        "Kunci utama ganda",
        "Duplicate primary key",
        "Dua record dalam satu kiriman memiliki kunci utama yang sama.",
        "Two records of one delivery share the same primary key.",
        "Kunci utama ({fields}) sudah dipakai oleh record di {first}.",
        "Primary key ({fields}) is already used by the record at {first}.",
        ("dataset", "primary-key"),
    ),
)

ERROR_CATALOG: dict[str, ErrorCode] = {entry.code: entry for entry in _CODES}


def error_code(code: str) -> ErrorCode:
    """Return the catalog entry for ``code``; an unknown code is a programming error."""
    return ERROR_CATALOG[code]
