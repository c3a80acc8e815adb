// Messages of the import area. Keys: see ./index.ts. Swedish is written as Swedish privacy texts
// read, not word for word.
//
// `warning.<code>`: what an import noticed and got past (src/shared/contract.ts
// IMPORT_WARNING_CODES, where each code's parameters are listed). The door shows it after the
// warning's path, so a message need not repeat where.
export const en = {
  'warning.utf16': 'The file was saved as UTF-16 (probably by an editor); it was read as such.',
  'warning.bad-encoding': 'The file contains bytes that are not valid UTF-8; they were replaced by "�".',
  'warning.nul-removed': 'The file contains NUL characters; they were removed.',
  'warning.export-twice': 'The file contains the export twice, back to back (a known TikTok glitch); the first copy was imported.',
  'warning.trailing-data': 'The file has unexpected text after the end of the export (from byte {byte, number}); it was ignored.',
  'warning.control-characters': 'Some text in the file holds raw control characters (such as NUL bytes) that JSON does not allow; they were kept, escaped.',
  'warning.duplicate-key': 'The file holds the same name twice in one place, which TikTok’s exports never do. Where a record could hold only one of the two values, the later one was kept.',
  'warning.trailing-commas': 'The file had trailing commas (it was probably edited by hand); they were ignored.',
  'warning.cut-short': 'The file is cut short (probably not fully downloaded or unzipped); everything before the cut was imported.',
  'warning.list-cut-short': 'The file ends inside this list (it was cut short): {count, plural, one {the # complete entry} other {the # complete entries}} before the cut {count, plural, one {was} other {were}} imported.',
  'warning.unrecognised-shape': 'Footprint does not recognise the shape of "{name}"; the section was kept as it is.',
  'warning.wrong-type': '"{name}" holds {found, select, list {a list} map {a map} text {a text} number {a number} boolean {a true/false value} other {a value}} where {expected, select, map {a map} list {a list} names {a list of names} values {a map of values} sections {a group of sections} other {something else}} was expected; it was kept as it is.',
  'warning.plain-values': '"{name}" holds plain values where Footprint expects records; it was kept as it is.',
  'warning.skipped-entries': '{count, plural, one {# entry that is damaged or not a record was skipped.} other {# entries that are damaged or not records were skipped.}}',
  'warning.skipped-conversation': 'A conversation that is not a list of messages was skipped.',
  'warning.unread-lines': '{count, plural, one {# line} other {# lines}} could not be read as records ({dataset}); they were kept as they are.',
  'warning.too-large': 'The file is too large to read (over {limit, number} MiB); it was skipped.',
  'warning.parse-failed': 'The file could not be read ({reason}); it was kept as it is. Please report this.',
  'warning.duplicates': '{count, plural, one {# exact duplicate row was} other {# exact duplicate rows were}} counted once.',
  'warning.forgotten': '{count, plural, one {# forgotten record was} other {# forgotten records were}} skipped: you asked Footprint to forget them for good.',
  'warning.more-unknown': '{count, plural, one {# more section Footprint does not know ({bytes, number} bytes) was} other {# more sections Footprint does not know ({bytes, number} bytes) were}} not kept: far more than any TikTok export has.',
  'warning.more-warnings': '{count, plural, one {# more warning was} other {# more warnings were}} left out: far more than any TikTok export gives.',
  'warning.skipped-folders': '{count, plural, one {# folder was} other {# folders were}} skipped: nested deeper, or far more of them, than in any TikTok export, or unreadable.',
  'warning.legacy': '{text}',
} as const;

export const sv: Record<keyof typeof en, string> = {
  'warning.utf16': 'Filen har sparats som UTF-16 (troligen av ett redigeringsprogram) och lästes som sådan.',
  'warning.bad-encoding': 'Filen innehåller byte som inte är giltig UTF-8. De ersattes med ”�”.',
  'warning.nul-removed': 'Filen innehåller NUL-tecken. De togs bort.',
  'warning.export-twice': 'Filen innehåller exporten två gånger efter varandra (ett känt fel hos TikTok). Den första kopian importerades.',
  'warning.trailing-data': 'Efter exportens slut finns oväntad text (från byte {byte, number}). Den hoppades över.',
  'warning.control-characters': 'En del text i filen innehåller styrtecken (till exempel NUL-byte) som JSON inte tillåter. De behölls, skyddade.',
  'warning.duplicate-key': 'Filen har samma namn två gånger på ett ställe, vilket TikToks exporter aldrig har. Där en post bara kunde rymma ett av de två värdena sparades det senare.',
  'warning.trailing-commas': 'Filen hade överflödiga kommatecken (den har troligen redigerats för hand). De hoppades över.',
  'warning.cut-short': 'Filen tar slut för tidigt (den laddades troligen inte ner eller packades inte upp helt). Allt före avbrottet importerades.',
  'warning.list-cut-short': 'Filen tar slut mitt i den här listan. {count, plural, one {Den # hela posten} other {De # hela posterna}} före avbrottet importerades.',
  'warning.unrecognised-shape': 'Footprint känner inte igen hur ”{name}” är uppbyggd. Delen sparades som den är.',
  'warning.wrong-type': '”{name}” innehåller {found, select, list {en lista} map {en samling namngivna värden} text {en text} number {ett tal} boolean {ett sant/falskt-värde} other {ett värde}} där det borde finnas {expected, select, map {en samling namngivna värden} list {en lista} names {en lista med namn} values {en samling värden} sections {en grupp av delar} other {något annat}}. Den sparades som den är.',
  'warning.plain-values': '”{name}” innehåller enkla värden där Footprint väntar sig poster. Den sparades som den är.',
  'warning.skipped-entries': '{count, plural, one {# inslag som är skadat eller inte är en post hoppades över.} other {# inslag som är skadade eller inte är poster hoppades över.}}',
  'warning.skipped-conversation': 'En konversation som inte är en lista med meddelanden hoppades över.',
  'warning.unread-lines': '{count, plural, one {# rad} other {# rader}} kunde inte läsas som poster ({dataset}). De sparades som de är.',
  'warning.too-large': 'Filen är för stor för att läsas (över {limit, number} MiB). Den hoppades över.',
  'warning.parse-failed': 'Filen kunde inte läsas ({reason}). Den sparades som den är. Rapportera gärna felet.',
  'warning.duplicates': '{count, plural, one {# rad var en exakt dubblett och räknades} other {# rader var exakta dubbletter och räknades}} en gång.',
  'warning.forgotten': '{count, plural, one {# glömd post hoppades över} other {# glömda poster hoppades över}}: du har bett Footprint att glömma dem för gott.',
  'warning.more-unknown': '{count, plural, one {# delavsnitt till som Footprint inte känner igen ({bytes, number} byte) sparades inte} other {# delavsnitt till som Footprint inte känner igen ({bytes, number} byte) sparades inte}}: betydligt fler än någon TikTok-export har.',
  'warning.more-warnings': '{count, plural, one {# varning till utelämnades} other {# varningar till utelämnades}}: betydligt fler än någon TikTok-export ger.',
  'warning.skipped-folders': '{count, plural, one {# mapp hoppades över} other {# mappar hoppades över}}: djupare nästlade, eller betydligt fler, än i någon TikTok-export, eller oläsbara.',
  'warning.legacy': '{text}',
};
