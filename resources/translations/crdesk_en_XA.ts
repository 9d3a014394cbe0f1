<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en_GB">
    <context>
        <name>Accessible</name>
        <message>
            <source>Clear the text</source>
            <translation>[Çļéåŕ ţĥé ţéxţ ···]</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>[Bûţţöñ·]</translation>
        </message>
        <message>
            <source>Text field</source>
            <translation>[Ţéxţ fîéļđ ·]</translation>
        </message>
        <message>
            <source>{name}: options</source>
            <translation>[{name}: öpţîöñš ···]</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>[Çĥöîçéš·]</translation>
        </message>
        <message>
            <source>List</source>
            <translation>[Ļîšţ]</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>The first admin account</source>
            <translation>[Ţĥé fîŕšţ åđmîñ åççöûñţ ·······]</translation>
        </message>
        <message>
            <source>This person manages staff accounts and exports. Each member of staff will have their own account. Use a password of at least 12 characters: a short sentence you will remember is a good choice.</source>
            <translation>[Ţĥîš péŕšöñ måñåĝéš šţåff åççöûñţš åñđ éxpöŕţš. Éåçĥ mémbéŕ öf šţåff ŵîļļ ĥåvé ţĥéîŕ öŵñ åççöûñţ. Ûšé å påššŵöŕđ öf åţ ļéåšţ 12 çĥåŕåçţéŕš: å šĥöŕţ šéñţéñçé ýöû ŵîļļ ŕémémbéŕ îš å ĝööđ çĥöîçé. ··········································································]</translation>
        </message>
        <message>
            <source>Admin user name</source>
            <translation>[Åđmîñ ûšéŕ ñåmé ···]</translation>
        </message>
        <message>
            <source>for example: jsmith</source>
            <translation>[föŕ éxåmpļé: jšmîţĥ ·····]</translation>
        </message>
        <message>
            <source>User name problem</source>
            <translation>[Ûšéŕ ñåmé pŕöbļém ····]</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>[Påššŵöŕđ ·]</translation>
        </message>
        <message>
            <source>Password feedback</source>
            <translation>[Påššŵöŕđ fééđbåçķ ····]</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>[Påššŵöŕđ åĝåîñ ···]</translation>
        </message>
        <message>
            <source>Password again problem</source>
            <translation>[Påššŵöŕđ åĝåîñ pŕöbļém ······]</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>[&amp;Ûšéŕ ñåmé ·]</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>[&amp;Påššŵöŕđ ·]</translation>
        </message>
        <message>
            <source>Password &amp;again</source>
            <translation>[Påššŵöŕđ &amp;åĝåîñ ···]</translation>
        </message>
        <message>
            <source>Show the passwords</source>
            <translation>[Šĥöŵ ţĥé påššŵöŕđš ·····]</translation>
        </message>
        <message>
            <source>Set-up status</source>
            <translation>[Šéţ-ûp šţåţûš ···]</translation>
        </message>
        <message>
            <source>This password meets the policy.</source>
            <translation>[Ţĥîš påššŵöŕđ mééţš ţĥé pöļîçý. ··········]</translation>
        </message>
        <message>
            <source>The two passwords are not the same yet.</source>
            <translation>[Ţĥé ţŵö påššŵöŕđš åŕé ñöţ ţĥé šåmé ýéţ. ·············]</translation>
        </message>
        <message>
            <source>Choose a longer or less common password.</source>
            <translation>[Çĥööšé å ļöñĝéŕ öŕ ļéšš çömmöñ påššŵöŕđ. ·············]</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>[Ţĥé ţŵö påššŵöŕđš åŕé ñöţ ţĥé šåmé. ···········]</translation>
        </message>
        <message>
            <source>Type the same password in both boxes.</source>
            <translation>[Ţýpé ţĥé šåmé påššŵöŕđ îñ böţĥ böxéš. ············]</translation>
        </message>
        <message>
            <source>Creating the encrypted clinic database… this takes a few seconds.</source>
            <translation>[Çŕéåţîñĝ ţĥé éñçŕýpţéđ çļîñîç đåţåbåšé… ţĥîš ţåķéš å féŵ šéçöñđš. ·······················]</translation>
        </message>
        <message>
            <source>The clinic is prepared. Next, save its recovery key.</source>
            <translation>[Ţĥé çļîñîç îš pŕépåŕéđ. Ñéxţ, šåvé îţš ŕéçövéŕý ķéý. ··················]</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>The clinic was restored from its backup. Sign in with your user name and the password you had.</source>
            <translation>[Ţĥé çļîñîç ŵåš ŕéšţöŕéđ fŕöm îţš båçķûp. Šîĝñ îñ ŵîţĥ ýöûŕ ûšéŕ ñåmé åñđ ţĥé påššŵöŕđ ýöû ĥåđ. ···································]</translation>
        </message>
        <message>
            <source>crdesk locked itself after {minutes} minute(s) without use. Enter your password to carry on.</source>
            <translation>[çŕđéšķ ļöçķéđ îţšéļf åfţéŕ {minutes} mîñûţé(š) ŵîţĥöûţ ûšé. Éñţéŕ ýöûŕ påššŵöŕđ ţö çåŕŕý öñ. ··································]</translation>
        </message>
        <message>
            <source>You have signed out.</source>
            <translation>[Ýöû ĥåvé šîĝñéđ öûţ. ·····]</translation>
        </message>
    </context>
    <context>
        <name>AssessmentsPanel</name>
        <message>
            <source>Assessment 1 (before)</source>
            <translation>[Åššéššméñţ 1 (béföŕé) ······]</translation>
        </message>
        <message>
            <source>Assessment 2 (end)</source>
            <translation>[Åššéššméñţ 2 (éñđ) ·····]</translation>
        </message>
        <message>
            <source>Assessment 3 (12 months)</source>
            <translation>[Åššéššméñţ 3 (12 möñţĥš) ·······]</translation>
        </message>
        <message>
            <source>Referral and assessments</source>
            <translation>[Ŕéféŕŕåļ åñđ åššéššméñţš ·······]</translation>
        </message>
        <message>
            <source>Referral summary</source>
            <translation>[Ŕéféŕŕåļ šûmmåŕý ····]</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>[Åššéššméñţ ·]</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>[Đûé]</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>[Đöñé]</translation>
        </message>
        <message>
            <source>Questionnaire</source>
            <translation>[Qûéšţîöññåîŕé ···]</translation>
        </message>
        <message>
            <source>Clinical measures</source>
            <translation>[Çļîñîçåļ méåšûŕéš ····]</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>[Åçţîöñš·]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>{kind} due date</source>
            <translation>[{kind} đûé đåţé ···]</translation>
        </message>
        <message>
            <source>{kind} done</source>
            <translation>[{kind} đöñé ··]</translation>
        </message>
        <message>
            <source>{kind} questionnaire</source>
            <translation>[{kind} qûéšţîöññåîŕé ·····]</translation>
        </message>
        <message>
            <source>{kind} clinical measures</source>
            <translation>[{kind} çļîñîçåļ méåšûŕéš ·······]</translation>
        </message>
        <message>
            <source>Clinical measures…</source>
            <translation>[Çļîñîçåļ méåšûŕéš… ·····]</translation>
        </message>
        <message>
            <source>Clinical measures at {kind}</source>
            <translation>[Çļîñîçåļ méåšûŕéš åţ {kind} ········]</translation>
        </message>
        <message>
            <source>{kind} warning</source>
            <translation>[{kind} ŵåŕñîñĝ ···]</translation>
        </message>
        <message>
            <source>Event not recorded</source>
            <translation>[Évéñţ ñöţ ŕéçöŕđéđ ·····]</translation>
        </message>
        <message>
            <source>Treatment: {treatment} {date}</source>
            <translation>[Ţŕéåţméñţ: {treatment} {date} ·········]</translation>
        </message>
        <message>
            <source>Referred {date} by {source}</source>
            <translation>[Ŕéféŕŕéđ {date} bý {source} ········]</translation>
        </message>
        <message>
            <source>Programme: {start} to {end}</source>
            <translation>[Pŕöĝŕåmmé: {start} ţö {end} ········]</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>[ñöţ šţåŕţéđ ··]</translation>
        </message>
        <message>
            <source>Outcome: {outcome}</source>
            <translation>[Öûţçömé: {outcome} ·····]</translation>
        </message>
        <message>
            <source>not recorded yet</source>
            <translation>[ñöţ ŕéçöŕđéđ ýéţ ····]</translation>
        </message>
        <message>
            <source>Started, not finished</source>
            <translation>[Šţåŕţéđ, ñöţ fîñîšĥéđ ······]</translation>
        </message>
        <message>
            <source>Done, reviewed</source>
            <translation>[Đöñé, ŕévîéŵéđ ···]</translation>
        </message>
        <message>
            <source>Paper: waiting for a colleague's checking entry</source>
            <translation>[Påpéŕ: ŵåîţîñĝ föŕ å çöļļéåĝûé'š çĥéçķîñĝ éñţŕý ················]</translation>
        </message>
        <message>
            <source>Paper: differences to resolve</source>
            <translation>[Påpéŕ: đîfféŕéñçéš ţö ŕéšöļvé ·········]</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>[Ñöţ ýéţ·]</translation>
        </message>
    </context>
    <context>
        <name>AuditLogPage</name>
        <message>
            <source>Anything</source>
            <translation>[Åñýţĥîñĝ ·]</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>[Påţîéñţš ·]</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>[Ŕéféŕŕåļš ·]</translation>
        </message>
        <message>
            <source>Questionnaires</source>
            <translation>[Qûéšţîöññåîŕéš ···]</translation>
        </message>
        <message>
            <source>Goals</source>
            <translation>[Ĝöåļš]</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>[Ûšéŕš]</translation>
        </message>
        <message>
            <source>Clinic</source>
            <translation>[Çļîñîç·]</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>[Åûđîţ ļöĝ ·]</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>[Ŵĥéñ (ÛŢÇ) ·]</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>[Ŵĥö]</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>[Åçţîöñ·]</translation>
        </message>
        <message>
            <source>About</source>
            <translation>[Åböûţ]</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>[Îđ]</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>[Đéţåîļš·]</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>[Ŵĥåţ ĥåppéñéđ ···]</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>[Påţîéñţ·]</translation>
        </message>
        <message>
            <source>Every view and change of a record, sign-in and export, newest first. Entries cannot be changed or deleted.</source>
            <translation>[Évéŕý vîéŵ åñđ çĥåñĝé öf å ŕéçöŕđ, šîĝñ-îñ åñđ éxpöŕţ, ñéŵéšţ fîŕšţ. Éñţŕîéš çåññöţ bé çĥåñĝéđ öŕ đéļéţéđ. ········································]</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>[Åñýöñé·]</translation>
        </message>
        <message>
            <source>Any action</source>
            <translation>[Åñý åçţîöñ ·]</translation>
        </message>
        <message>
            <source>e.g. 42</source>
            <translation>[é.ĝ. 42·]</translation>
        </message>
        <message>
            <source>NHS or hospital no.</source>
            <translation>[ÑĤŠ öŕ ĥöšpîţåļ ñö. ·····]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>&amp;Who</source>
            <translation>[&amp;Ŵĥö]</translation>
        </message>
        <message>
            <source>&amp;Patient</source>
            <translation>[&amp;Påţîéñţ ·]</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>[&amp;Fŕöm]</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>[&amp;Ţö]</translation>
        </message>
        <message>
            <source>&amp;Action</source>
            <translation>[&amp;Åçţîöñ·]</translation>
        </message>
        <message>
            <source>A&amp;bout</source>
            <translation>[Å&amp;böûţ·]</translation>
        </message>
        <message>
            <source>&amp;Id</source>
            <translation>[&amp;Îđ]</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>[&amp;Šéåŕçĥ·]</translation>
        </message>
        <message>
            <source>Show the &amp;raw entries (action codes, ids and details)</source>
            <translation>[Šĥöŵ ţĥé &amp;ŕåŵ éñţŕîéš (åçţîöñ çöđéš, îđš åñđ đéţåîļš) ···················]</translation>
        </message>
        <message>
            <source>Audit search message</source>
            <translation>[Åûđîţ šéåŕçĥ méššåĝé ·····]</translation>
        </message>
        <message>
            <source>Audit entries</source>
            <translation>[Åûđîţ éñţŕîéš ···]</translation>
        </message>
        <message>
            <source>Enter dates as day/month/year, for example 31/03/2024.</source>
            <translation>[Éñţéŕ đåţéš åš đåý/möñţĥ/ýéåŕ, föŕ éxåmpļé 31/03/2024. ···················]</translation>
        </message>
        <message>
            <source>{count} entries (the newest 500)</source>
            <translation>[{count} éñţŕîéš (ţĥé ñéŵéšţ 500) ··········]</translation>
        </message>
        <message>
            <source>{count} entries</source>
            <translation>[{count} éñţŕîéš ···]</translation>
        </message>
    </context>
    <context>
        <name>BackupNotices</name>
        <message>
            <source>No off-laptop backup is set up: if this laptop is lost, every record goes with it. Choose a USB drive or network share in Backups.</source>
            <translation>[Ñö öff-ļåpţöp båçķûp îš šéţ ûp: îf ţĥîš ļåpţöp îš ļöšţ, évéŕý ŕéçöŕđ ĝöéš ŵîţĥ îţ. Çĥööšé å ÛŠB đŕîvé öŕ ñéţŵöŕķ šĥåŕé îñ Båçķûpš. ·················································]</translation>
        </message>
        <message>
            <source>The backup folder {destination} is not there (plug in the USB drive or connect the share). Last good off-laptop backup: {last_good}.</source>
            <translation>[Ţĥé båçķûp föļđéŕ {destination} îš ñöţ ţĥéŕé (pļûĝ îñ ţĥé ÛŠB đŕîvé öŕ çöññéçţ ţĥé šĥåŕé). Ļåšţ ĝööđ öff-ļåpţöp båçķûp: {last_good}. ··················································]</translation>
        </message>
        <message>
            <source>{message} Last good off-laptop backup: {last_good}.</source>
            <translation>[{message} Ļåšţ ĝööđ öff-ļåpţöp båçķûp: {last_good}. ··················]</translation>
        </message>
        <message>
            <source>No off-laptop backup for {days} days (last good: {last_good}). If this laptop is lost, the records since then are lost: plug in the backup drive, or choose another folder in Backups.</source>
            <translation>[Ñö öff-ļåpţöp båçķûp föŕ {days} đåýš (ļåšţ ĝööđ: {last_good}). Îf ţĥîš ļåpţöp îš ļöšţ, ţĥé ŕéçöŕđš šîñçé ţĥéñ åŕé ļöšţ: pļûĝ îñ ţĥé båçķûp đŕîvé, öŕ çĥööšé åñöţĥéŕ föļđéŕ îñ Båçķûpš. ······································································]</translation>
        </message>
        <message>
            <source>No off-laptop backup for {days} days (last good: {last_good}). If this laptop is lost, the records since then are lost: tell the clinic's admin.</source>
            <translation>[Ñö öff-ļåpţöp båçķûp föŕ {days} đåýš (ļåšţ ĝööđ: {last_good}). Îf ţĥîš ļåpţöp îš ļöšţ, ţĥé ŕéçöŕđš šîñçé ţĥéñ åŕé ļöšţ: ţéļļ ţĥé çļîñîç'š åđmîñ. ·······················································]</translation>
        </message>
        <message>
            <source>No backup has been tested yet: use Test a backup.</source>
            <translation>[Ñö båçķûp ĥåš bééñ ţéšţéđ ýéţ: ûšé Ţéšţ å båçķûp. ·················]</translation>
        </message>
        <message>
            <source>Backup test on {when}: passed.</source>
            <translation>[Båçķûp ţéšţ öñ {when}: påššéđ. ·········]</translation>
        </message>
        <message>
            <source>Backup test on {when}: FAILED: {summary}</source>
            <translation>[Båçķûp ţéšţ öñ {when}: FÅÎĻÉĐ: {summary} ·············]</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>[ñöñé ýéţ ·]</translation>
        </message>
        <message>
            <source>Off-laptop backups</source>
            <translation>[Öff-ļåpţöp båçķûpš ·····]</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>[&amp;Båçķûpš… ·]</translation>
        </message>
        <message>
            <source>Open the Backups page</source>
            <translation>[Öpéñ ţĥé Båçķûpš påĝé ······]</translation>
        </message>
        <message>
            <source>Warning:</source>
            <translation>[Ŵåŕñîñĝ: ·]</translation>
        </message>
        <message>
            <source>Reminder:</source>
            <translation>[Ŕémîñđéŕ: ·]</translation>
        </message>
        <message>
            <source>Backups:</source>
            <translation>[Båçķûpš: ·]</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <source>Backups off the laptop</source>
            <translation>[Båçķûpš öff ţĥé ļåpţöp ······]</translation>
        </message>
        <message>
            <source>A stolen or broken laptop takes its own backups with it. Choose a folder on a USB drive or a network share: crdesk writes an encrypted backup there on the schedule below, opens and checks each one, and keeps 7 daily, 4 weekly and 12 monthly backups.</source>
            <translation>[Å šţöļéñ öŕ bŕöķéñ ļåpţöp ţåķéš îţš öŵñ båçķûpš ŵîţĥ îţ. Çĥööšé å föļđéŕ öñ å ÛŠB đŕîvé öŕ å ñéţŵöŕķ šĥåŕé: çŕđéšķ ŵŕîţéš åñ éñçŕýpţéđ båçķûp ţĥéŕé öñ ţĥé šçĥéđûļé béļöŵ, öpéñš åñđ çĥéçķš éåçĥ öñé, åñđ ķéépš 7 đåîļý, 4 ŵééķļý åñđ 12 möñţĥļý båçķûpš. ·································································································]</translation>
        </message>
        <message>
            <source>Backup settings message</source>
            <translation>[Båçķûp šéţţîñĝš méššåĝé ·······]</translation>
        </message>
        <message>
            <source>&amp;Save backup settings</source>
            <translation>[&amp;Šåvé båçķûp šéţţîñĝš ······]</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>[Båçķ ûp &amp;ñöŵ ··]</translation>
        </message>
        <message>
            <source>Back up to the chosen folders now</source>
            <translation>[Båçķ ûp ţö ţĥé çĥöšéñ föļđéŕš ñöŵ ···········]</translation>
        </message>
        <message>
            <source>Last results</source>
            <translation>[Ļåšţ ŕéšûļţš ··]</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>[Ŵĥéŕé]</translation>
        </message>
        <message>
            <source>One or more folders away from this laptop's own disk.</source>
            <translation>[Öñé öŕ möŕé föļđéŕš åŵåý fŕöm ţĥîš ļåpţöp'š öŵñ đîšķ. ···················]</translation>
        </message>
        <message>
            <source>Backup folders</source>
            <translation>[Båçķûp föļđéŕš ···]</translation>
        </message>
        <message>
            <source>&amp;Add a folder…</source>
            <translation>[&amp;Åđđ å föļđéŕ… ···]</translation>
        </message>
        <message>
            <source>Add a backup folder</source>
            <translation>[Åđđ å båçķûp föļđéŕ ·····]</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>[&amp;Ŕémövé·]</translation>
        </message>
        <message>
            <source>Remove the chosen backup folder</source>
            <translation>[Ŕémövé ţĥé çĥöšéñ båçķûp föļđéŕ ··········]</translation>
        </message>
        <message>
            <source>Backup folders problem</source>
            <translation>[Båçķûp föļđéŕš pŕöbļém ······]</translation>
        </message>
        <message>
            <source>When</source>
            <translation>[Ŵĥéñ]</translation>
        </message>
        <message>
            <source>While crdesk is open, and when someone signs out.</source>
            <translation>[Ŵĥîļé çŕđéšķ îš öpéñ, åñđ ŵĥéñ šöméöñé šîĝñš öûţ. ·················]</translation>
        </message>
        <message>
            <source>&amp;Every day at</source>
            <translation>[&amp;Évéŕý đåý åţ ···]</translation>
        </message>
        <message>
            <source>Daily backup time</source>
            <translation>[Đåîļý båçķûp ţîmé ····]</translation>
        </message>
        <message>
            <source>When someone &amp;signs out</source>
            <translation>[Ŵĥéñ šöméöñé &amp;šîĝñš öûţ ·······]</translation>
        </message>
        <message>
            <source>&amp;Warn everyone after this many days without one:</source>
            <translation>[&amp;Ŵåŕñ évéŕýöñé åfţéŕ ţĥîš måñý đåýš ŵîţĥöûţ öñé: ·················]</translation>
        </message>
        <message>
            <source>Schedule problem</source>
            <translation>[Šçĥéđûļé pŕöbļém ····]</translation>
        </message>
        <message>
            <source>Test a backup</source>
            <translation>[Ţéšţ å båçķûp ···]</translation>
        </message>
        <message>
            <source>Restores the newest off-laptop backup into a temporary folder, opens it with your password or the recovery key (as on a new laptop), compares it with the clinic, then deletes the copy. The clinic itself is not changed.</source>
            <translation>[Ŕéšţöŕéš ţĥé ñéŵéšţ öff-ļåpţöp båçķûp îñţö å ţémpöŕåŕý föļđéŕ, öpéñš îţ ŵîţĥ ýöûŕ påššŵöŕđ öŕ ţĥé ŕéçövéŕý ķéý (åš öñ å ñéŵ ļåpţöp), çömpåŕéš îţ ŵîţĥ ţĥé çļîñîç, ţĥéñ đéļéţéš ţĥé çöpý. Ţĥé çļîñîç îţšéļf îš ñöţ çĥåñĝéđ. ·····················································································]</translation>
        </message>
        <message>
            <source>Your password</source>
            <translation>[Ýöûŕ påššŵöŕđ ···]</translation>
        </message>
        <message>
            <source>or the recovery key</source>
            <translation>[öŕ ţĥé ŕéçövéŕý ķéý ·····]</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>[Ŕéçövéŕý ķéý ··]</translation>
        </message>
        <message>
            <source>&amp;Test the newest backup</source>
            <translation>[&amp;Ţéšţ ţĥé ñéŵéšţ båçķûp ·······]</translation>
        </message>
        <message>
            <source>Backup test result</source>
            <translation>[Båçķûp ţéšţ ŕéšûļţ ·····]</translation>
        </message>
        <message>
            <source>Backup test report</source>
            <translation>[Båçķûp ţéšţ ŕépöŕţ ·····]</translation>
        </message>
        <message>
            <source>Choose a folder on a USB drive or network share</source>
            <translation>[Çĥööšé å föļđéŕ öñ å ÛŠB đŕîvé öŕ ñéţŵöŕķ šĥåŕé ················]</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>[Šåvéđ.·]</translation>
        </message>
        <message>
            <source>Backing up… crdesk stays usable meanwhile.</source>
            <translation>[Båçķîñĝ ûp… çŕđéšķ šţåýš ûšåbļé méåñŵĥîļé. ··············]</translation>
        </message>
        <message>
            <source>Testing the newest backup…</source>
            <translation>[Ţéšţîñĝ ţĥé ñéŵéšţ båçķûp… ········]</translation>
        </message>
        <message>
            <source>The backup test passed.</source>
            <translation>[Ţĥé båçķûp ţéšţ påššéđ. ·······]</translation>
        </message>
        <message>
            <source>The backup test FAILED: see below.</source>
            <translation>[Ţĥé båçķûp ţéšţ FÅÎĻÉĐ: šéé béļöŵ. ···········]</translation>
        </message>
        <message>
            <source>Make a new backup now and test it again; keep the failed file for your IT support.</source>
            <translation>[Måķé å ñéŵ båçķûp ñöŵ åñđ ţéšţ îţ åĝåîñ; ķéép ţĥé fåîļéđ fîļé föŕ ýöûŕ ÎŢ šûppöŕţ. ······························]</translation>
        </message>
        <message>
            <source>Last good off-laptop backup: {when}</source>
            <translation>[Ļåšţ ĝööđ öff-ļåpţöp båçķûp: {when} ···········]</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>[ñöñé ýéţ ·]</translation>
        </message>
    </context>
    <context>
        <name>ClinicPage</name>
        <message>
            <source>Set up your clinic</source>
            <translation>[Šéţ ûp ýöûŕ çļîñîç ·····]</translation>
        </message>
        <message>
            <source>crdesk keeps your clinic's records encrypted on this laptop. First, tell it which service this is. You can change these details later.</source>
            <translation>[çŕđéšķ ķéépš ýöûŕ çļîñîç'š ŕéçöŕđš éñçŕýpţéđ öñ ţĥîš ļåpţöp. Fîŕšţ, ţéļļ îţ ŵĥîçĥ šéŕvîçé ţĥîš îš. Ýöû çåñ çĥåñĝé ţĥéšé đéţåîļš ļåţéŕ. ···················································]</translation>
        </message>
        <message>
            <source>Clinic name</source>
            <translation>[Çļîñîç ñåmé ··]</translation>
        </message>
        <message>
            <source>for example: Riverside Cardiac Rehabilitation</source>
            <translation>[föŕ éxåmpļé: Ŕîvéŕšîđé Çåŕđîåç Ŕéĥåbîļîţåţîöñ ···············]</translation>
        </message>
        <message>
            <source>Clinic name problem</source>
            <translation>[Çļîñîç ñåmé pŕöbļém ·····]</translation>
        </message>
        <message>
            <source>ODS code</source>
            <translation>[ÖĐŠ çöđé ·]</translation>
        </message>
        <message>
            <source>for example: RX1 or RX1AB</source>
            <translation>[föŕ éxåmpļé: ŔX1 öŕ ŔX1ÅB ·······]</translation>
        </message>
        <message>
            <source>ODS code problem</source>
            <translation>[ÖĐŠ çöđé pŕöbļém ····]</translation>
        </message>
        <message>
            <source>&amp;Clinic name</source>
            <translation>[&amp;Çļîñîç ñåmé ··]</translation>
        </message>
        <message>
            <source>&amp;ODS code (your service's NHS organisation code)</source>
            <translation>[&amp;ÖĐŠ çöđé (ýöûŕ šéŕvîçé'š ÑĤŠ öŕĝåñîšåţîöñ çöđé) ·················]</translation>
        </message>
        <message>
            <source>Moving to a new laptop, or replacing a lost one? Start from the clinic's backup instead.</source>
            <translation>[Mövîñĝ ţö å ñéŵ ļåpţöp, öŕ ŕépļåçîñĝ å ļöšţ öñé? Šţåŕţ fŕöm ţĥé çļîñîç'š båçķûp îñšţéåđ. ·································]</translation>
        </message>
        <message>
            <source>&amp;Restore a clinic…</source>
            <translation>[&amp;Ŕéšţöŕé å çļîñîç… ·····]</translation>
        </message>
        <message>
            <source>Restore a clinic from a backup</source>
            <translation>[Ŕéšţöŕé å çļîñîç fŕöm å båçķûp ·········]</translation>
        </message>
        <message>
            <source>Enter the clinic's name.</source>
            <translation>[Éñţéŕ ţĥé çļîñîç'š ñåmé. ·······]</translation>
        </message>
    </context>
    <context>
        <name>ClinicSettingsPage</name>
        <message>
            <source>Clinic settings</source>
            <translation>[Çļîñîç šéţţîñĝš ···]</translation>
        </message>
        <message>
            <source>The clinic's name appears on every screen and on patient reports. The ODS code identifies the clinic in NACR exports: change it only if NHS England's Organisation Data Service gave the service a new code.</source>
            <translation>[Ţĥé çļîñîç'š ñåmé åppéåŕš öñ évéŕý šçŕééñ åñđ öñ påţîéñţ ŕépöŕţš. Ţĥé ÖĐŠ çöđé îđéñţîfîéš ţĥé çļîñîç îñ ÑÅÇŔ éxpöŕţš: çĥåñĝé îţ öñļý îf ÑĤŠ Éñĝļåñđ'š Öŕĝåñîšåţîöñ Đåţå Šéŕvîçé ĝåvé ţĥé šéŕvîçé å ñéŵ çöđé. ···············································································]</translation>
        </message>
        <message>
            <source>Clinic &amp;name</source>
            <translation>[Çļîñîç &amp;ñåmé ··]</translation>
        </message>
        <message>
            <source>&amp;ODS code</source>
            <translation>[&amp;ÖĐŠ çöđé ·]</translation>
        </message>
        <message>
            <source>e.g. Call the cardiac rehab team on 0113 000 0000</source>
            <translation>[é.ĝ. Çåļļ ţĥé çåŕđîåç ŕéĥåb ţéåm öñ 0113 000 0000 ·················]</translation>
        </message>
        <message>
            <source>&amp;Contact line on patient reports</source>
            <translation>[&amp;Çöñţåçţ ļîñé öñ påţîéñţ ŕépöŕţš ··········]</translation>
        </message>
        <message>
            <source>{n} minute(s)</source>
            <translation>[{n} mîñûţé(š) ····]</translation>
        </message>
        <message>
            <source>&amp;Lock crdesk after this long without use</source>
            <translation>[&amp;Ļöçķ çŕđéšķ åfţéŕ ţĥîš ļöñĝ ŵîţĥöûţ ûšé ·············]</translation>
        </message>
        <message>
            <source>Settings message</source>
            <translation>[Šéţţîñĝš méššåĝé ····]</translation>
        </message>
        <message>
            <source>&amp;Save settings</source>
            <translation>[&amp;Šåvé šéţţîñĝš ···]</translation>
        </message>
        <message>
            <source>Check the clinic database</source>
            <translation>[Çĥéçķ ţĥé çļîñîç đåţåbåšé ·······]</translation>
        </message>
        <message>
            <source>Reads every page of the encrypted database, checks its structure and the audit log's chain of entries. It changes nothing; on a large clinic it takes a while.</source>
            <translation>[Ŕéåđš évéŕý påĝé öf ţĥé éñçŕýpţéđ đåţåbåšé, çĥéçķš îţš šţŕûçţûŕé åñđ ţĥé åûđîţ ļöĝ'š çĥåîñ öf éñţŕîéš. Îţ çĥåñĝéš ñöţĥîñĝ; öñ å ļåŕĝé çļîñîç îţ ţåķéš å ŵĥîļé. ·····························································]</translation>
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation>[&amp;Çĥéçķ ñöŵ ·]</translation>
        </message>
        <message>
            <source>Check the clinic database now</source>
            <translation>[Çĥéçķ ţĥé çļîñîç đåţåbåšé ñöŵ ·········]</translation>
        </message>
        <message>
            <source>Check result</source>
            <translation>[Çĥéçķ ŕéšûļţ ··]</translation>
        </message>
        <message>
            <source>Check report</source>
            <translation>[Çĥéçķ ŕépöŕţ ··]</translation>
        </message>
        <message>
            <source>Checking… crdesk stays usable meanwhile.</source>
            <translation>[Çĥéçķîñĝ… çŕđéšķ šţåýš ûšåbļé méåñŵĥîļé. ·············]</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>[Ñö pŕöbļémš föûñđ. ·····]</translation>
        </message>
        <message>
            <source>Problems found: see the report below.</source>
            <translation>[Pŕöbļémš föûñđ: šéé ţĥé ŕépöŕţ béļöŵ. ············]</translation>
        </message>
        <message>
            <source>Keep this file, restore the latest backup, and tell your IT support.</source>
            <translation>[Ķéép ţĥîš fîļé, ŕéšţöŕé ţĥé ļåţéšţ båçķûp, åñđ ţéļļ ýöûŕ ÎŢ šûppöŕţ. ·························]</translation>
        </message>
        <message>
            <source>Saved. The new name shows in the header after you sign in again.</source>
            <translation>[Šåvéđ. Ţĥé ñéŵ ñåmé šĥöŵš îñ ţĥé ĥéåđéŕ åfţéŕ ýöû šîĝñ îñ åĝåîñ. ·······················]</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>[Šåvéđ.·]</translation>
        </message>
        <message>
            <source>No changes to save.</source>
            <translation>[Ñö çĥåñĝéš ţö šåvé. ·····]</translation>
        </message>
    </context>
    <context>
        <name>ClinicalDialog</name>
        <message>
            <source>assessment 1</source>
            <translation>[åššéššméñţ 1 ··]</translation>
        </message>
        <message>
            <source>assessment 2</source>
            <translation>[åššéššméñţ 2 ··]</translation>
        </message>
        <message>
            <source>assessment 3</source>
            <translation>[åššéššméñţ 3 ··]</translation>
        </message>
        <message>
            <source>Clinical measures at {kind}</source>
            <translation>[Çļîñîçåļ méåšûŕéš åţ {kind} ········]</translation>
        </message>
        <message>
            <source>Discard these measures?</source>
            <translation>[Đîšçåŕđ ţĥéšé méåšûŕéš? ·······]</translation>
        </message>
        <message>
            <source>The measures you entered are not saved.</source>
            <translation>[Ţĥé méåšûŕéš ýöû éñţéŕéđ åŕé ñöţ šåvéđ. ·············]</translation>
        </message>
        <message>
            <source>Keep editing to save them, or discard them.</source>
            <translation>[Ķéép éđîţîñĝ ţö šåvé ţĥém, öŕ đîšçåŕđ ţĥém. ···············]</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>[Ķéép éđîţîñĝ ··]</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>[Đîšçåŕđ·]</translation>
        </message>
        <message>
            <source>Please check the values marked.</source>
            <translation>[Pļéåšé çĥéçķ ţĥé våļûéš måŕķéđ. ··········]</translation>
        </message>
        <message>
            <source>If they are right, press Save again to keep them.</source>
            <translation>[Îf ţĥéý åŕé ŕîĝĥţ, pŕéšš Šåvé åĝåîñ ţö ķéép ţĥém. ·················]</translation>
        </message>
    </context>
    <context>
        <name>ComboEditor</name>
        <message>
            <source>Not recorded</source>
            <translation>[Ñöţ ŕéçöŕđéđ ··]</translation>
        </message>
    </context>
    <context>
        <name>ConfirmKeyPage</name>
        <message>
            <source>Type the recovery key back</source>
            <translation>[Ţýpé ţĥé ŕéçövéŕý ķéý båçķ ········]</translation>
        </message>
        <message>
            <source>To be sure your copy is right, type the key from your paper. Dashes and spaces do not matter, and capital or small letters are both fine. Go Back if you need to see it again.</source>
            <translation>[Ţö bé šûŕé ýöûŕ çöpý îš ŕîĝĥţ, ţýpé ţĥé ķéý fŕöm ýöûŕ påpéŕ. Đåšĥéš åñđ špåçéš đö ñöţ måţţéŕ, åñđ çåpîţåļ öŕ šmåļļ ļéţţéŕš åŕé böţĥ fîñé. Ĝö Båçķ îf ýöû ñééđ ţö šéé îţ åĝåîñ. ···································································]</translation>
        </message>
        <message>
            <source>Recovery key, typed back</source>
            <translation>[Ŕéçövéŕý ķéý, ţýpéđ båçķ ·······]</translation>
        </message>
        <message>
            <source>for example 1A2B-3C4D-5E6F-…</source>
            <translation>[föŕ éxåmpļé 1Å2B-3Ç4Đ-5É6F-… ·········]</translation>
        </message>
        <message>
            <source>Recovery key problem</source>
            <translation>[Ŕéçövéŕý ķéý pŕöbļém ·····]</translation>
        </message>
        <message>
            <source>This is not the recovery key shown on the previous page.</source>
            <translation>[Ţĥîš îš ñöţ ţĥé ŕéçövéŕý ķéý šĥöŵñ öñ ţĥé pŕévîöûš påĝé. ····················]</translation>
        </message>
        <message>
            <source>Go Back and check each group against your paper copy.</source>
            <translation>[Ĝö Båçķ åñđ çĥéçķ éåçĥ ĝŕöûp åĝåîñšţ ýöûŕ påpéŕ çöpý. ···················]</translation>
        </message>
    </context>
    <context>
        <name>ContactPanel</name>
        <message>
            <source>Phone call</source>
            <translation>[Pĥöñé çåļļ ·]</translation>
        </message>
        <message>
            <source>Text message</source>
            <translation>[Ţéxţ méššåĝé ··]</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>[Ļéţţéŕ·]</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>[Émåîļ]</translation>
        </message>
        <message>
            <source>Through the carer or next of kin</source>
            <translation>[Ţĥŕöûĝĥ ţĥé çåŕéŕ öŕ ñéxţ öf ķîñ ··········]</translation>
        </message>
        <message>
            <source>For booking assessments. Contact details stay on this laptop: they are never sent to NACR or put in any export.</source>
            <translation>[Föŕ bööķîñĝ åššéššméñţš. Çöñţåçţ đéţåîļš šţåý öñ ţĥîš ļåpţöp: ţĥéý åŕé ñévéŕ šéñţ ţö ÑÅÇŔ öŕ pûţ îñ åñý éxpöŕţ. ··········································]</translation>
        </message>
        <message>
            <source>0113 496 0000</source>
            <translation>[0113 496 0000 ···]</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>[&amp;Pĥöñé·]</translation>
        </message>
        <message>
            <source>&amp;Other phone</source>
            <translation>[&amp;Öţĥéŕ pĥöñé ··]</translation>
        </message>
        <message>
            <source>Pre&amp;ferred contact</source>
            <translation>[Pŕé&amp;féŕŕéđ çöñţåçţ ·····]</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>[Ñöţ ŕéçöŕđéđ ··]</translation>
        </message>
        <message>
            <source>House, street, town</source>
            <translation>[Ĥöûšé, šţŕééţ, ţöŵñ ·····]</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>[Îñţéŕpŕéţéŕ ··]</translation>
        </message>
        <message>
            <source>&amp;Interpreter needed</source>
            <translation>[&amp;Îñţéŕpŕéţéŕ ñééđéđ ·····]</translation>
        </message>
        <message>
            <source>&amp;Address</source>
            <translation>[&amp;Åđđŕéšš ·]</translation>
        </message>
        <message>
            <source>Interpreter's &amp;language</source>
            <translation>[Îñţéŕpŕéţéŕ'š &amp;ļåñĝûåĝé ·······]</translation>
        </message>
        <message>
            <source>Carer or next of &amp;kin</source>
            <translation>[Çåŕéŕ öŕ ñéxţ öf &amp;ķîñ ······]</translation>
        </message>
        <message>
            <source>Relationship to the patient</source>
            <translation>[Ŕéļåţîöñšĥîp ţö ţĥé påţîéñţ ········]</translation>
        </message>
        <message>
            <source>Carer's p&amp;hone</source>
            <translation>[Çåŕéŕ'š p&amp;ĥöñé ···]</translation>
        </message>
        <message>
            <source>Save result</source>
            <translation>[Šåvé ŕéšûļţ ··]</translation>
        </message>
        <message>
            <source>&amp;Save contact details</source>
            <translation>[&amp;Šåvé çöñţåçţ đéţåîļš ······]</translation>
        </message>
        <message>
            <source>Save contact details</source>
            <translation>[Šåvé çöñţåçţ đéţåîļš ·····]</translation>
        </message>
        <message>
            <source>Contact details saved.</source>
            <translation>[Çöñţåçţ đéţåîļš šåvéđ. ······]</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>[Ñöţĥîñĝ çĥåñĝéđ. ····]</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Green</source>
            <translation>[Ĝŕééñ]</translation>
        </message>
        <message>
            <source>Amber</source>
            <translation>[Åmbéŕ]</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>[Ŕéđ]</translation>
        </message>
        <message>
            <source>This financial year to date ({dates})</source>
            <translation>[Ţĥîš fîñåñçîåļ ýéåŕ ţö đåţé ({dates}) ············]</translation>
        </message>
        <message>
            <source>Last financial year ({dates})</source>
            <translation>[Ļåšţ fîñåñçîåļ ýéåŕ ({dates}) ·········]</translation>
        </message>
        <message>
            <source>This quarter ({dates})</source>
            <translation>[Ţĥîš qûåŕţéŕ ({dates}) ······]</translation>
        </message>
        <message>
            <source>Last quarter ({dates})</source>
            <translation>[Ļåšţ qûåŕţéŕ ({dates}) ······]</translation>
        </message>
        <message>
            <source>Rolling 12 months ({dates})</source>
            <translation>[Ŕöļļîñĝ 12 möñţĥš ({dates}) ········]</translation>
        </message>
        <message>
            <source>{table}: row numbers</source>
            <translation>[{table}: ŕöŵ ñûmbéŕš ·····]</translation>
        </message>
        <message>
            <source>{table}: column headings</source>
            <translation>[{table}: çöļûmñ ĥéåđîñĝš ·······]</translation>
        </message>
        <message>
            <source>{n} patient(s). Double-click one to open the record.</source>
            <translation>[{n} påţîéñţ(š). Đöûbļé-çļîçķ öñé ţö öpéñ ţĥé ŕéçöŕđ. ···················]</translation>
        </message>
        <message>
            <source>Patients behind this figure</source>
            <translation>[Påţîéñţš béĥîñđ ţĥîš fîĝûŕé ········]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çļöšé]</translation>
        </message>
        <message>
            <source>Close this list</source>
            <translation>[Çļöšé ţĥîš ļîšţ ···]</translation>
        </message>
        <message>
            <source>Service dashboard</source>
            <translation>[Šéŕvîçé đåšĥböåŕđ ····]</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>[&amp;Péŕîöđ: ·]</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>[Péŕîöđ·]</translation>
        </message>
        <message>
            <source>Show &amp;figures</source>
            <translation>[Šĥöŵ &amp;fîĝûŕéš ···]</translation>
        </message>
        <message>
            <source>Show the figures for this period</source>
            <translation>[Šĥöŵ ţĥé fîĝûŕéš föŕ ţĥîš péŕîöđ ··········]</translation>
        </message>
        <message>
            <source>Save service &amp;report…</source>
            <translation>[Šåvé šéŕvîçé &amp;ŕépöŕţ… ······]</translation>
        </message>
        <message>
            <source>Save the service report as PDF or CSV</source>
            <translation>[Šåvé ţĥé šéŕvîçé ŕépöŕţ åš PĐF öŕ ÇŠV ············]</translation>
        </message>
        <message>
            <source>Dashboard summary</source>
            <translation>[Đåšĥböåŕđ šûmmåŕý ····]</translation>
        </message>
        <message>
            <source>Dashboard message</source>
            <translation>[Đåšĥböåŕđ méššåĝé ····]</translation>
        </message>
        <message>
            <source>Dashboard sections</source>
            <translation>[Đåšĥböåŕđ šéçţîöñš ·····]</translation>
        </message>
        <message>
            <source>Nation</source>
            <translation>[Ñåţîöñ·]</translation>
        </message>
        <message>
            <source>&amp;Nation (thresholds):</source>
            <translation>[&amp;Ñåţîöñ (ţĥŕéšĥöļđš): ······]</translation>
        </message>
        <message>
            <source>not entered</source>
            <translation>[ñöţ éñţéŕéđ ··]</translation>
        </message>
        <message>
            <source>KPI 1: professions in the MDT</source>
            <translation>[ĶPÎ 1: pŕöféššîöñš îñ ţĥé MĐŢ ·········]</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>[ñöţ šéţ·]</translation>
        </message>
        <message>
            <source>KPI 7 threshold, percent</source>
            <translation>[ĶPÎ 7 ţĥŕéšĥöļđ, péŕçéñţ ·······]</translation>
        </message>
        <message>
            <source>KPI &amp;1 professions:</source>
            <translation>[ĶPÎ &amp;1 pŕöféššîöñš: ·····]</translation>
        </message>
        <message>
            <source>KPI &amp;7 threshold (%):</source>
            <translation>[ĶPÎ &amp;7 ţĥŕéšĥöļđ (%): ······]</translation>
        </message>
        <message>
            <source>Save standards</source>
            <translation>[Šåvé šţåñđåŕđš ···]</translation>
        </message>
        <message>
            <source>Save the nation and KPI settings</source>
            <translation>[Šåvé ţĥé ñåţîöñ åñđ ĶPÎ šéţţîñĝš ··········]</translation>
        </message>
        <message>
            <source>Saved. The figures below now use these settings.</source>
            <translation>[Šåvéđ. Ţĥé fîĝûŕéš béļöŵ ñöŵ ûšé ţĥéšé šéţţîñĝš. ·················]</translation>
        </message>
        <message>
            <source>Working out the figures…</source>
            <translation>[Ŵöŕķîñĝ öûţ ţĥé fîĝûŕéš… ·······]</translation>
        </message>
        <message>
            <source> </source>
            <translation>[ ]</translation>
        </message>
        <message>
            <source>No patients in this period.</source>
            <translation>[Ñö påţîéñţš îñ ţĥîš péŕîöđ. ········]</translation>
        </message>
        <message>
            <source>NCP_CR rating: {rating}</source>
            <translation>[ÑÇP_ÇŔ ŕåţîñĝ: {rating} ·······]</translation>
        </message>
        <message>
            <source>KPIs</source>
            <translation>[ĶPÎš]</translation>
        </message>
        <message>
            <source>Double-click a KPI to see the patients behind it.</source>
            <translation>[Đöûbļé-çļîçķ å ĶPÎ ţö šéé ţĥé påţîéñţš béĥîñđ îţ. ·················]</translation>
        </message>
        <message>
            <source>Uptake and times</source>
            <translation>[Ûpţåķé åñđ ţîméš ····]</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>[Öûţçöméš ·]</translation>
        </message>
        <message>
            <source>SPC charts</source>
            <translation>[ŠPÇ çĥåŕţš ·]</translation>
        </message>
        <message>
            <source>Filled blue circles: special cause, improving. Orange diamonds: special cause, concerning. Dashed lines: process limits; dash-dot: the target.</source>
            <translation>[Fîļļéđ bļûé çîŕçļéš: špéçîåļ çåûšé, împŕövîñĝ. Öŕåñĝé đîåmöñđš: špéçîåļ çåûšé, çöñçéŕñîñĝ. Đåšĥéđ ļîñéš: pŕöçéšš ļîmîţš; đåšĥ-đöţ: ţĥé ţåŕĝéţ. ······················································]</translation>
        </message>
        <message>
            <source>Equity</source>
            <translation>[Éqûîţý·]</translation>
        </message>
        <message>
            <source>Completeness</source>
            <translation>[Çömpļéţéñéšš ··]</translation>
        </message>
        <message>
            <source>Double-click a field to see the patients whose record lacks it.</source>
            <translation>[Đöûbļé-çļîçķ å fîéļđ ţö šéé ţĥé påţîéñţš ŵĥöšé ŕéçöŕđ ļåçķš îţ. ·······················]</translation>
        </message>
        <message>
            <source>Records without {field}</source>
            <translation>[Ŕéçöŕđš ŵîţĥöûţ {field} ·······]</translation>
        </message>
        <message>
            <source>Save the service report</source>
            <translation>[Šåvé ţĥé šéŕvîçé ŕépöŕţ ·······]</translation>
        </message>
        <message>
            <source>PDF report (*.pdf);;CSV tables (*.csv)</source>
            <translation>[PĐF ŕépöŕţ (*.pđf);;ÇŠV ţåbļéš (*.çšv) ·············]</translation>
        </message>
        <message>
            <source>Making the service report…</source>
            <translation>[Måķîñĝ ţĥé šéŕvîçé ŕépöŕţ… ········]</translation>
        </message>
        <message>
            <source>The service report was saved as {path} (small numbers suppressed).</source>
            <translation>[Ţĥé šéŕvîçé ŕépöŕţ ŵåš šåvéđ åš {path} (šmåļļ ñûmbéŕš šûppŕéššéđ). ························]</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>What to do: {hint}</source>
            <translation>[Ŵĥåţ ţö đö: {hint} ·····]</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>[ÖĶ]</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>[Šöméţĥîñĝ ŵéñţ ŵŕöñĝ ·····]</translation>
        </message>
    </context>
    <context>
        <name>DifferencesView</name>
        <message>
            <source>Differences between the two entries</source>
            <translation>[Đîfféŕéñçéš béţŵééñ ţĥé ţŵö éñţŕîéš ···········]</translation>
        </message>
        <message>
            <source>Look at the paper questionnaire. On each row press 1 to keep the first entry's answer or 2 to keep the second's. The questionnaire counts as complete only when every difference is resolved.</source>
            <translation>[Ļööķ åţ ţĥé påpéŕ qûéšţîöññåîŕé. Öñ éåçĥ ŕöŵ pŕéšš 1 ţö ķéép ţĥé fîŕšţ éñţŕý'š åñšŵéŕ öŕ 2 ţö ķéép ţĥé šéçöñđ'š. Ţĥé qûéšţîöññåîŕé çöûñţš åš çömpļéţé öñļý ŵĥéñ évéŕý đîfféŕéñçé îš ŕéšöļvéđ. ·········································································]</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>[Qûéšţîöñ ·]</translation>
        </message>
        <message>
            <source>1: first entry</source>
            <translation>[1: fîŕšţ éñţŕý ···]</translation>
        </message>
        <message>
            <source>2: second entry</source>
            <translation>[2: šéçöñđ éñţŕý ···]</translation>
        </message>
        <message>
            <source>Kept</source>
            <translation>[Ķépţ]</translation>
        </message>
        <message>
            <source>Differences to resolve</source>
            <translation>[Đîfféŕéñçéš ţö ŕéšöļvé ······]</translation>
        </message>
        <message>
            <source>Differences message</source>
            <translation>[Đîfféŕéñçéš méššåĝé ·····]</translation>
        </message>
        <message>
            <source>&amp;Complete the questionnaire</source>
            <translation>[&amp;Çömpļéţé ţĥé qûéšţîöññåîŕé ········]</translation>
        </message>
        <message>
            <source>first entry</source>
            <translation>[fîŕšţ éñţŕý ··]</translation>
        </message>
        <message>
            <source>second entry</source>
            <translation>[šéçöñđ éñţŕý ··]</translation>
        </message>
        <message>
            <source>not resolved</source>
            <translation>[ñöţ ŕéšöļvéđ ··]</translation>
        </message>
        <message>
            <source>{count} difference(s), {left} still to resolve.</source>
            <translation>[{count} đîfféŕéñçé(š), {left} šţîļļ ţö ŕéšöļvé. ················]</translation>
        </message>
    </context>
    <context>
        <name>EntryDialog</name>
        <message>
            <source>Questionnaire entry</source>
            <translation>[Qûéšţîöññåîŕé éñţŕý ·····]</translation>
        </message>
        <message>
            <source>Patient and assessment</source>
            <translation>[Påţîéñţ åñđ åššéššméñţ ······]</translation>
        </message>
        <message>
            <source>Keys: 1-9, 0, A-Z pick an answer · Enter next question · Page Down next section · Page Up previous section</source>
            <translation>[Ķéýš: 1-9, 0, Å-Ž pîçķ åñ åñšŵéŕ · Éñţéŕ ñéxţ qûéšţîöñ · Påĝé Đöŵñ ñéxţ šéçţîöñ · Påĝé Ûp pŕévîöûš šéçţîöñ ········································]</translation>
        </message>
        <message>
            <source>Entry message</source>
            <translation>[Éñţŕý méššåĝé ···]</translation>
        </message>
        <message>
            <source>◀ Previous section</source>
            <translation>[◀ Pŕévîöûš šéçţîöñ ·····]</translation>
        </message>
        <message>
            <source>Next section ▶</source>
            <translation>[Ñéxţ šéçţîöñ ▶ ···]</translation>
        </message>
        <message>
            <source>Close (saved)</source>
            <translation>[Çļöšé (šåvéđ) ···]</translation>
        </message>
        <message>
            <source>entry by {user}</source>
            <translation>[éñţŕý bý {user} ···]</translation>
        </message>
        <message>
            <source>checking entry by {user}</source>
            <translation>[çĥéçķîñĝ éñţŕý bý {user} ·······]</translation>
        </message>
        <message>
            <source>resolving differences ({user})</source>
            <translation>[ŕéšöļvîñĝ đîfféŕéñçéš ({user}) ·········]</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>[ñöţ ŕéçöŕđéđ ··]</translation>
        </message>
        <message>
            <source>&lt;b&gt;{family}, {given}&lt;/b&gt; · NHS number {nhs} · born {born}&lt;br&gt;&lt;b&gt;{kind}&lt;/b&gt; · {method} · answered {answered} · {which}</source>
            <translation>[&lt;b&gt;{family}, {given}&lt;/b&gt; · ÑĤŠ ñûmbéŕ {nhs} · böŕñ {born}&lt;br&gt;&lt;b&gt;{kind}&lt;/b&gt; · {method} · åñšŵéŕéđ {answered} · {which} ···············································]</translation>
        </message>
        <message>
            <source>Review answers ▶</source>
            <translation>[Ŕévîéŵ åñšŵéŕš ▶ ····]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çļöšé]</translation>
        </message>
        <message>
            <source>Some answers need attention.</source>
            <translation>[Šömé åñšŵéŕš ñééđ åţţéñţîöñ. ·········]</translation>
        </message>
        <message>
            <source>See the questions marked.</source>
            <translation>[Šéé ţĥé qûéšţîöñš måŕķéđ. ·······]</translation>
        </message>
        <message>
            <source>Please check the answers marked.</source>
            <translation>[Pļéåšé çĥéçķ ţĥé åñšŵéŕš måŕķéđ. ··········]</translation>
        </message>
        <message>
            <source>If they are right, press Page Down (or Enter on the last question) again.</source>
            <translation>[Îf ţĥéý åŕé ŕîĝĥţ, pŕéšš Påĝé Đöŵñ (öŕ Éñţéŕ öñ ţĥé ļåšţ qûéšţîöñ) åĝåîñ. ···························]</translation>
        </message>
        <message>
            <source>First entry saved. A colleague now enters the same paper questionnaire again to check it; it counts once any differences are resolved.</source>
            <translation>[Fîŕšţ éñţŕý šåvéđ. Å çöļļéåĝûé ñöŵ éñţéŕš ţĥé šåmé påpéŕ qûéšţîöññåîŕé åĝåîñ ţö çĥéçķ îţ; îţ çöûñţš öñçé åñý đîfféŕéñçéš åŕé ŕéšöļvéđ. ···················································]</translation>
        </message>
        <message>
            <source>Saved. The questionnaire is complete.</source>
            <translation>[Šåvéđ. Ţĥé qûéšţîöññåîŕé îš çömpļéţé. ············]</translation>
        </message>
        <message>
            <source>Differences resolved. The questionnaire is complete.</source>
            <translation>[Đîfféŕéñçéš ŕéšöļvéđ. Ţĥé qûéšţîöññåîŕé îš çömpļéţé. ··················]</translation>
        </message>
    </context>
    <context>
        <name>EntryEditors</name>
        <message>
            <source>No answer yet</source>
            <translation>[Ñö åñšŵéŕ ýéţ ···]</translation>
        </message>
    </context>
    <context>
        <name>EpisodeDialog</name>
        <message>
            <source>&amp;Initiating event</source>
            <translation>[&amp;Îñîţîåţîñĝ évéñţ ····]</translation>
        </message>
        <message>
            <source>&amp;Event date</source>
            <translation>[&amp;Évéñţ đåţé ··]</translation>
        </message>
        <message>
            <source>&amp;Treatment</source>
            <translation>[&amp;Ţŕéåţméñţ ·]</translation>
        </message>
        <message>
            <source>T&amp;reatment date</source>
            <translation>[Ţ&amp;ŕéåţméñţ đåţé ···]</translation>
        </message>
        <message>
            <source>&amp;Discharge date</source>
            <translation>[&amp;Đîšçĥåŕĝé đåţé ···]</translation>
        </message>
        <message>
            <source>Referral &amp;source</source>
            <translation>[Ŕéféŕŕåļ &amp;šöûŕçé ····]</translation>
        </message>
        <message>
            <source>Referred &amp;by</source>
            <translation>[Ŕéféŕŕéđ &amp;bý ··]</translation>
        </message>
        <message>
            <source>Re&amp;ferral date</source>
            <translation>[Ŕé&amp;féŕŕåļ đåţé ···]</translation>
        </message>
        <message>
            <source>&amp;Programme start</source>
            <translation>[&amp;Pŕöĝŕåmmé šţåŕţ ····]</translation>
        </message>
        <message>
            <source>Programme e&amp;nd</source>
            <translation>[Pŕöĝŕåmmé é&amp;ñđ ···]</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>[&amp;Öûţçömé ·]</translation>
        </message>
        <message>
            <source>Date first in&amp;vited</source>
            <translation>[Đåţé fîŕšţ îñ&amp;vîţéđ ·····]</translation>
        </message>
        <message>
            <source>Ris&amp;k stratification</source>
            <translation>[Ŕîš&amp;ķ šţŕåţîfîçåţîöñ ·····]</translation>
        </message>
        <message>
            <source>&amp;Mode of delivery</source>
            <translation>[&amp;Möđé öf đéļîvéŕý ····]</translation>
        </message>
        <message>
            <source>Sessions off&amp;ered</source>
            <translation>[Šéššîöñš öff&amp;éŕéđ ····]</translation>
        </message>
        <message>
            <source>Sessions &amp;attended</source>
            <translation>[Šéššîöñš &amp;åţţéñđéđ ·····]</translation>
        </message>
        <message>
            <source>Reason for not starting</source>
            <translation>[Ŕéåšöñ föŕ ñöţ šţåŕţîñĝ ·······]</translation>
        </message>
        <message>
            <source>Reason for not completing</source>
            <translation>[Ŕéåšöñ föŕ ñöţ çömpļéţîñĝ ·······]</translation>
        </message>
        <message>
            <source>Date of death</source>
            <translation>[Đåţé öf đéåţĥ ···]</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>[Ñéŵ ŕéféŕŕåļ ··]</translation>
        </message>
        <message>
            <source>Referral and programme</source>
            <translation>[Ŕéféŕŕåļ åñđ pŕöĝŕåmmé ······]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>[Ñöţ ŕéçöŕđéđ ··]</translation>
        </message>
        <message>
            <source>Save result</source>
            <translation>[Šåvé ŕéšûļţ ··]</translation>
        </message>
    </context>
    <context>
        <name>ErrorSummary</name>
        <message>
            <source>There is a problem</source>
            <translation>[Ţĥéŕé îš å pŕöbļém ·····]</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <source>Export for NACR</source>
            <translation>[Éxpöŕţ föŕ ÑÅÇŔ ···]</translation>
        </message>
        <message>
            <source>Export records for the national audit</source>
            <translation>[Éxpöŕţ ŕéçöŕđš föŕ ţĥé ñåţîöñåļ åûđîţ ············]</translation>
        </message>
        <message>
            <source>crdesk checks every record first, then writes one file signed by this clinic and encrypted to the receiver. Patients who opted out of NACR are never exported. Only records new or changed since the last export go in the next batch.</source>
            <translation>[çŕđéšķ çĥéçķš évéŕý ŕéçöŕđ fîŕšţ, ţĥéñ ŵŕîţéš öñé fîļé šîĝñéđ bý ţĥîš çļîñîç åñđ éñçŕýpţéđ ţö ţĥé ŕéçéîvéŕ. Påţîéñţš ŵĥö öpţéđ öûţ öf ÑÅÇŔ åŕé ñévéŕ éxpöŕţéđ. Öñļý ŕéçöŕđš ñéŵ öŕ çĥåñĝéđ šîñçé ţĥé ļåšţ éxpöŕţ ĝö îñ ţĥé ñéxţ båţçĥ. ·························································································]</translation>
        </message>
        <message>
            <source>Export type:</source>
            <translation>[Éxpöŕţ ţýpé: ··]</translation>
        </message>
        <message>
            <source>Export type</source>
            <translation>[Éxpöŕţ ţýpé ··]</translation>
        </message>
        <message>
            <source>Export type: choices</source>
            <translation>[Éxpöŕţ ţýpé: çĥöîçéš ·····]</translation>
        </message>
        <message>
            <source>Check records</source>
            <translation>[Çĥéçķ ŕéçöŕđš ···]</translation>
        </message>
        <message>
            <source>Check records before exporting</source>
            <translation>[Çĥéçķ ŕéçöŕđš béföŕé éxpöŕţîñĝ ·········]</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>[Ŕéçîpîéñţš ·]</translation>
        </message>
        <message>
            <source>Add receiver certificate…</source>
            <translation>[Åđđ ŕéçéîvéŕ çéŕţîfîçåţé… ·······]</translation>
        </message>
        <message>
            <source>Add the receiver's certificate</source>
            <translation>[Åđđ ţĥé ŕéçéîvéŕ'š çéŕţîfîçåţé ·········]</translation>
        </message>
        <message>
            <source>Press “Check records” to see what would be exported.</source>
            <translation>[Pŕéšš “Çĥéçķ ŕéçöŕđš” ţö šéé ŵĥåţ ŵöûļđ bé éxpöŕţéđ. ··················]</translation>
        </message>
        <message>
            <source>Export preview summary</source>
            <translation>[Éxpöŕţ pŕévîéŵ šûmmåŕý ······]</translation>
        </message>
        <message>
            <source>Records not ready to export, and why</source>
            <translation>[Ŕéçöŕđš ñöţ ŕéåđý ţö éxpöŕţ, åñđ ŵĥý ············]</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>[Påţîéñţ·]</translation>
        </message>
        <message>
            <source>Episode</source>
            <translation>[Épîšöđé·]</translation>
        </message>
        <message>
            <source>Why it cannot go yet</source>
            <translation>[Ŵĥý îţ çåññöţ ĝö ýéţ ·····]</translation>
        </message>
        <message>
            <source>Double-click a record, or select it and press Enter, to open the patient and complete it.</source>
            <translation>[Đöûbļé-çļîçķ å ŕéçöŕđ, öŕ šéļéçţ îţ åñđ pŕéšš Éñţéŕ, ţö öpéñ ţĥé påţîéñţ åñđ çömpļéţé îţ. ·································]</translation>
        </message>
        <message>
            <source>&amp;Records to complete</source>
            <translation>[&amp;Ŕéçöŕđš ţö çömpļéţé ·····]</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>[Éxpöŕţ…·]</translation>
        </message>
        <message>
            <source>Export the ready records to a file</source>
            <translation>[Éxpöŕţ ţĥé ŕéåđý ŕéçöŕđš ţö å fîļé ···········]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çåñçéļ·]</translation>
        </message>
        <message>
            <source>Cancel the export</source>
            <translation>[Çåñçéļ ţĥé éxpöŕţ ····]</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>[Éxpöŕţ pŕöĝŕéšš ···]</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>[Ñöţ šţåŕţéđ ··]</translation>
        </message>
        <message>
            <source>Save clinic certificate…</source>
            <translation>[Šåvé çļîñîç çéŕţîfîçåţé… ·······]</translation>
        </message>
        <message>
            <source>Save the clinic's certificate for the receiver</source>
            <translation>[Šåvé ţĥé çļîñîç'š çéŕţîfîçåţé föŕ ţĥé ŕéçéîvéŕ ················]</translation>
        </message>
        <message>
            <source>Export result</source>
            <translation>[Éxpöŕţ ŕéšûļţ ···]</translation>
        </message>
        <message>
            <source>Earlier export batches</source>
            <translation>[Éåŕļîéŕ éxpöŕţ båţçĥéš ······]</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>[Båţçĥ]</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>[Måđé]</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>[Ţýpé]</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>[Ŕéçöŕđš·]</translation>
        </message>
        <message>
            <source>File</source>
            <translation>[Fîļé]</translation>
        </message>
        <message>
            <source>Issue selected batch again…</source>
            <translation>[Îššûé šéļéçţéđ båţçĥ åĝåîñ… ········]</translation>
        </message>
        <message>
            <source>Issue the selected batch again</source>
            <translation>[Îššûé ţĥé šéļéçţéđ båţçĥ åĝåîñ ·········]</translation>
        </message>
        <message>
            <source>Earlier &amp;batches</source>
            <translation>[Éåŕļîéŕ &amp;båţçĥéš ····]</translation>
        </message>
        <message>
            <source>No receiver certificate is set up: an identifiable export cannot be written until one is added.</source>
            <translation>[Ñö ŕéçéîvéŕ çéŕţîfîçåţé îš šéţ ûp: åñ îđéñţîfîåbļé éxpöŕţ çåññöţ bé ŵŕîţţéñ ûñţîļ öñé îš åđđéđ. ···································]</translation>
        </message>
        <message>
            <source>Encrypted to: {names}</source>
            <translation>[Éñçŕýpţéđ ţö: {names} ······]</translation>
        </message>
        <message>
            <source>patient {id}</source>
            <translation>[påţîéñţ {id} ···]</translation>
        </message>
        <message>
            <source>Will go, but: {warnings}</source>
            <translation>[Ŵîļļ ĝö, bûţ: {warnings} ·······]</translation>
        </message>
        <message>
            <source>&amp;Records to complete ({n})</source>
            <translation>[&amp;Ŕéçöŕđš ţö çömpļéţé ({n}) ·········]</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>[Éxpöŕţéđ ·]</translation>
        </message>
        <message>
            <source>{stage} %p%</source>
            <translation>[{stage} %p% ···]</translation>
        </message>
        <message>
            <source>Checked: ready to export</source>
            <translation>[Çĥéçķéđ: ŕéåđý ţö éxpöŕţ ·······]</translation>
        </message>
        <message>
            <source>Save the export package</source>
            <translation>[Šåvé ţĥé éxpöŕţ påçķåĝé ·······]</translation>
        </message>
        <message>
            <source>Export package (*.p7m *.p7s)</source>
            <translation>[Éxpöŕţ påçķåĝé (*.p7m *.p7š) ·········]</translation>
        </message>
        <message>
            <source>Nothing to export</source>
            <translation>[Ñöţĥîñĝ ţö éxpöŕţ ····]</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>[Ñöţ éxpöŕţéđ ··]</translation>
        </message>
        <message>
            <source>Choose a batch in the list first.</source>
            <translation>[Çĥööšé å båţçĥ îñ ţĥé ļîšţ fîŕšţ. ···········]</translation>
        </message>
        <message>
            <source>{message} Saved as {path}.</source>
            <translation>[{message} Šåvéđ åš {path}. ········]</translation>
        </message>
        <message>
            <source>The receiver's certificate</source>
            <translation>[Ţĥé ŕéçéîvéŕ'š çéŕţîfîçåţé ········]</translation>
        </message>
        <message>
            <source>Certificate (*.pem *.crt *.cer)</source>
            <translation>[Çéŕţîfîçåţé (*.pém *.çŕţ *.çéŕ) ··········]</translation>
        </message>
        <message>
            <source>{name} could not be read.</source>
            <translation>[{name} çöûļđ ñöţ bé ŕéåđ. ·······]</translation>
        </message>
        <message>
            <source>Check the file.</source>
            <translation>[Çĥéçķ ţĥé fîļé. ···]</translation>
        </message>
        <message>
            <source>Exports will also be encrypted to {name}.</source>
            <translation>[Éxpöŕţš ŵîļļ åļšö bé éñçŕýpţéđ ţö {name}. ··············]</translation>
        </message>
        <message>
            <source>Save the clinic's certificate</source>
            <translation>[Šåvé ţĥé çļîñîç'š çéŕţîfîçåţé ·········]</translation>
        </message>
        <message>
            <source>Certificate (*.pem)</source>
            <translation>[Çéŕţîfîçåţé (*.pém) ·····]</translation>
        </message>
        <message>
            <source>The clinic's certificate was saved as {name}.</source>
            <translation>[Ţĥé çļîñîç'š çéŕţîfîçåţé ŵåš šåvéđ åš {name}. ···············]</translation>
        </message>
    </context>
    <context>
        <name>FieldGrid</name>
        <message>
            <source>Problem with {field}</source>
            <translation>[Pŕöbļém ŵîţĥ {field} ·····]</translation>
        </message>
        <message>
            <source>{code} (old code, not in the list: choose again)</source>
            <translation>[{code} (öļđ çöđé, ñöţ îñ ţĥé ļîšţ: çĥööšé åĝåîñ) ·················]</translation>
        </message>
    </context>
    <context>
        <name>GoalDialog</name>
        <message>
            <source>New goal</source>
            <translation>[Ñéŵ ĝöåļ ·]</translation>
        </message>
        <message>
            <source>Edit goal</source>
            <translation>[Éđîţ ĝöåļ ·]</translation>
        </message>
        <message>
            <source>Choose an area</source>
            <translation>[Çĥööšé åñ åŕéå ···]</translation>
        </message>
        <message>
            <source>&amp;Area</source>
            <translation>[&amp;Åŕéå]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>&amp;Review date</source>
            <translation>[&amp;Ŕévîéŵ đåţé ··]</translation>
        </message>
        <message>
            <source>In the patient's own words</source>
            <translation>[Îñ ţĥé påţîéñţ'š öŵñ ŵöŕđš ········]</translation>
        </message>
        <message>
            <source>&amp;Goal</source>
            <translation>[&amp;Ĝöåļ]</translation>
        </message>
        <message>
            <source>Something you can measure, e.g. walk 30 minutes, 5 days a week</source>
            <translation>[Šöméţĥîñĝ ýöû çåñ méåšûŕé, é.ĝ. ŵåļķ 30 mîñûţéš, 5 đåýš å ŵééķ ······················]</translation>
        </message>
        <message>
            <source>Measurable &amp;target</source>
            <translation>[Méåšûŕåbļé &amp;ţåŕĝéţ ·····]</translation>
        </message>
    </context>
    <context>
        <name>GoalsPanel</name>
        <message>
            <source>Area</source>
            <translation>[Åŕéå]</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>[Ĝöåļ]</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>[Ţåŕĝéţ·]</translation>
        </message>
        <message>
            <source>Review by</source>
            <translation>[Ŕévîéŵ bý ·]</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>[Šţåţûš·]</translation>
        </message>
        <message>
            <source>Last review</source>
            <translation>[Ļåšţ ŕévîéŵ ··]</translation>
        </message>
        <message>
            <source>Goals</source>
            <translation>[Ĝöåļš]</translation>
        </message>
        <message>
            <source>Agree goals with the patient at assessment 1; review them at assessment 2. Every review is kept.</source>
            <translation>[Åĝŕéé ĝöåļš ŵîţĥ ţĥé påţîéñţ åţ åššéššméñţ 1; ŕévîéŵ ţĥém åţ åššéššméñţ 2. Évéŕý ŕévîéŵ îš ķépţ. ····································]</translation>
        </message>
        <message>
            <source>&amp;Add goal…</source>
            <translation>[&amp;Åđđ ĝöåļ… ·]</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>[&amp;Éđîţ…·]</translation>
        </message>
        <message>
            <source>Edit goal</source>
            <translation>[Éđîţ ĝöåļ ·]</translation>
        </message>
        <message>
            <source>Re&amp;view…</source>
            <translation>[Ŕé&amp;vîéŵ… ·]</translation>
        </message>
        <message>
            <source>Review goal</source>
            <translation>[Ŕévîéŵ ĝöåļ ··]</translation>
        </message>
        <message>
            <source>Goal history</source>
            <translation>[Ĝöåļ ĥîšţöŕý ··]</translation>
        </message>
        <message>
            <source>No goals yet.</source>
            <translation>[Ñö ĝöåļš ýéţ. ···]</translation>
        </message>
        <message>
            <source>History: agreed {date} by {user}.</source>
            <translation>[Ĥîšţöŕý: åĝŕééđ {date} bý {user}. ···········]</translation>
        </message>
        <message>
            <source>{date} ({when}, {user}): {status}</source>
            <translation>[{date} ({when}, {user}): {status} ···········]</translation>
        </message>
        <message>
            <source>review</source>
            <translation>[ŕévîéŵ·]</translation>
        </message>
    </context>
    <context>
        <name>KeyPage</name>
        <message>
            <source>Your recovery key</source>
            <translation>[Ýöûŕ ŕéçövéŕý ķéý ····]</translation>
        </message>
        <message>
            <source>This key opens the clinic's records if every password is forgotten or a file is lost. It is shown only once. Print it, or copy it by hand onto paper, and keep it in the clinic safe. Anyone with this key and the laptop can read the records.</source>
            <translation>[Ţĥîš ķéý öpéñš ţĥé çļîñîç'š ŕéçöŕđš îf évéŕý påššŵöŕđ îš föŕĝöţţéñ öŕ å fîļé îš ļöšţ. Îţ îš šĥöŵñ öñļý öñçé. Pŕîñţ îţ, öŕ çöpý îţ bý ĥåñđ öñţö påpéŕ, åñđ ķéép îţ îñ ţĥé çļîñîç šåfé. Åñýöñé ŵîţĥ ţĥîš ķéý åñđ ţĥé ļåpţöp çåñ ŕéåđ ţĥé ŕéçöŕđš. ·····························································································]</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>[Ŕéçövéŕý ķéý ··]</translation>
        </message>
        <message>
            <source>&amp;Print the key…</source>
            <translation>[&amp;Pŕîñţ ţĥé ķéý… ···]</translation>
        </message>
        <message>
            <source>Print the recovery key</source>
            <translation>[Pŕîñţ ţĥé ŕéçövéŕý ķéý ······]</translation>
        </message>
        <message>
            <source>I have printed or written down the recovery key</source>
            <translation>[Î ĥåvé pŕîñţéđ öŕ ŵŕîţţéñ đöŵñ ţĥé ŕéçövéŕý ķéý ················]</translation>
        </message>
        <message>
            <source>Group {number}: {characters}</source>
            <translation>[Ĝŕöûp {number}: {characters} ·········]</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>crdesk — sign in</source>
            <translation>[çŕđéšķ — šîĝñ îñ ····]</translation>
        </message>
        <message>
            <source>Sign in to crdesk</source>
            <translation>[Šîĝñ îñ ţö çŕđéšķ ····]</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>[Šîĝñ îñ·]</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>[Ñöţîçé·]</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>[Ûšéŕ ñåmé ·]</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>[Påššŵöŕđ ·]</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>[&amp;Ûšéŕ ñåmé ·]</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>[&amp;Påššŵöŕđ ·]</translation>
        </message>
        <message>
            <source>Sign-in problem</source>
            <translation>[Šîĝñ-îñ pŕöbļém ···]</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>[Ûñļöçķ·]</translation>
        </message>
        <message>
            <source>{names} or {last}</source>
            <translation>[{names} öŕ {last} ····]</translation>
        </message>
        <message>
            <source>Demo clinic — synthetic data</source>
            <translation>[Đémö çļîñîç — šýñţĥéţîç đåţå ·········]</translation>
        </message>
        <message>
            <source>Sign in as {names}, with the password:</source>
            <translation>[Šîĝñ îñ åš {names}, ŵîţĥ ţĥé påššŵöŕđ: ·············]</translation>
        </message>
        <message>
            <source>Demo password: {demo_password}</source>
            <translation>[Đémö påššŵöŕđ: {demo_password} ·········]</translation>
        </message>
        <message>
            <source>Demo clinic credentials</source>
            <translation>[Đémö çļîñîç çŕéđéñţîåļš ·······]</translation>
        </message>
        <message>
            <source>Enter your user name and your password.</source>
            <translation>[Éñţéŕ ýöûŕ ûšéŕ ñåmé åñđ ýöûŕ påššŵöŕđ. ·············]</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>[Ûñļöçķîñĝ… ·]</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>DEMO CLINIC — synthetic data, not real patients</source>
            <translation>[ĐÉMÖ ÇĻÎÑÎÇ — šýñţĥéţîç đåţå, ñöţ ŕéåļ påţîéñţš ················]</translation>
        </message>
        <message>
            <source>READ-ONLY: this clinic database is damaged, so nothing can be saved or exported. Keep this file as it is (copy the whole clinic folder somewhere safe), then restore the latest backup ('crdesk restore', or ask your IT support). crdesk has not changed the file.</source>
            <translation>[ŔÉÅĐ-ÖÑĻÝ: ţĥîš çļîñîç đåţåbåšé îš đåmåĝéđ, šö ñöţĥîñĝ çåñ bé šåvéđ öŕ éxpöŕţéđ. Ķéép ţĥîš fîļé åš îţ îš (çöpý ţĥé ŵĥöļé çļîñîç föļđéŕ šöméŵĥéŕé šåfé), ţĥéñ ŕéšţöŕé ţĥé ļåţéšţ båçķûp ('çŕđéšķ ŕéšţöŕé', öŕ åšķ ýöûŕ ÎŢ šûppöŕţ). çŕđéšķ ĥåš ñöţ çĥåñĝéđ ţĥé fîļé. ·····································································································]</translation>
        </message>
        <message>
            <source>The file of recent changes (clinic.db-wal) is damaged too: changes saved after its damaged part are not shown.</source>
            <translation>[Ţĥé fîļé öf ŕéçéñţ çĥåñĝéš (çļîñîç.đb-ŵåļ) îš đåmåĝéđ ţöö: çĥåñĝéš šåvéđ åfţéŕ îţš đåmåĝéđ påŕţ åŕé ñöţ šĥöŵñ. ·········································]</translation>
        </message>
        <message>
            <source>A private copy to read could not be made (the disk may be full), so the most recent changes may not be shown.</source>
            <translation>[Å pŕîvåţé çöpý ţö ŕéåđ çöûļđ ñöţ bé måđé (ţĥé đîšķ måý bé fûļļ), šö ţĥé möšţ ŕéçéñţ çĥåñĝéš måý ñöţ bé šĥöŵñ. ·········································]</translation>
        </message>
        <message>
            <source>crdesk — {name}</source>
            <translation>[çŕđéšķ — {name} ···]</translation>
        </message>
        <message>
            <source>crdesk main window</source>
            <translation>[çŕđéšķ måîñ ŵîñđöŵ ·····]</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>[Šéçţîöñš ·]</translation>
        </message>
        <message>
            <source>Current section</source>
            <translation>[Çûŕŕéñţ šéçţîöñ ···]</translation>
        </message>
        <message>
            <source>Clinic: {clinic_name}, ODS code {ods_code}</source>
            <translation>[Çļîñîç: {clinic_name}, ÖĐŠ çöđé {ods_code} ··············]</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>[Åđmîñ]</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>[Šţåff]</translation>
        </message>
        <message>
            <source>Signed in as {username} ({role})</source>
            <translation>[Šîĝñéđ îñ åš {username} ({role}) ··········]</translation>
        </message>
        <message>
            <source>Signed in as {username}, role {role}</source>
            <translation>[Šîĝñéđ îñ åš {username}, ŕöļé {role} ············]</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>[&amp;Ļöçķ]</translation>
        </message>
        <message>
            <source>Lock the screen</source>
            <translation>[Ļöçķ ţĥé šçŕééñ ···]</translation>
        </message>
        <message>
            <source>Lock now: your password is needed to carry on</source>
            <translation>[Ļöçķ ñöŵ: ýöûŕ påššŵöŕđ îš ñééđéđ ţö çåŕŕý öñ ···············]</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>[Šîĝñ &amp;öûţ ·]</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>[Šîĝñ öûţ ·]</translation>
        </message>
        <message>
            <source>This section cannot be read: {reason}</source>
            <translation>[Ţĥîš šéçţîöñ çåññöţ bé ŕéåđ: {reason} ············]</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Something went wrong inside crdesk, and nothing was changed.</source>
            <translation>[Šöméţĥîñĝ ŵéñţ ŵŕöñĝ îñšîđé çŕđéšķ, åñđ ñöţĥîñĝ ŵåš çĥåñĝéđ. ·····················]</translation>
        </message>
        <message>
            <source>Try again. If it happens again, note the time and tell your IT support; the details are in crdesk's log file.</source>
            <translation>[Ţŕý åĝåîñ. Îf îţ ĥåppéñš åĝåîñ, ñöţé ţĥé ţîmé åñđ ţéļļ ýöûŕ ÎŢ šûppöŕţ; ţĥé đéţåîļš åŕé îñ çŕđéšķ'š ļöĝ fîļé. ·········································]</translation>
        </message>
    </context>
    <context>
        <name>OptOut</name>
        <message>
            <source>chose “I do not want my information sent to the national audit”</source>
            <translation>[çĥöšé “Î đö ñöţ ŵåñţ mý îñföŕmåţîöñ šéñţ ţö ţĥé ñåţîöñåļ åûđîţ” ·······················]</translation>
        </message>
        <message>
            <source>asked to talk to a member of staff first</source>
            <translation>[åšķéđ ţö ţåļķ ţö å mémbéŕ öf šţåff fîŕšţ ·············]</translation>
        </message>
        <message>
            <source>The patient {choice} at the kiosk on {date}.</source>
            <translation>[Ţĥé påţîéñţ {choice} åţ ţĥé ķîöšķ öñ {date}. ···············]</translation>
        </message>
        <message>
            <source>An opt-out was raised on {date}.</source>
            <translation>[Åñ öpţ-öûţ ŵåš ŕåîšéđ öñ {date}. ··········]</translation>
        </message>
        <message>
            <source>Opt-out to confirm. {how} Until it is confirmed or cleared, this patient is left out of every NACR export.</source>
            <translation>[Öpţ-öûţ ţö çöñfîŕm. {how} Ûñţîļ îţ îš çöñfîŕméđ öŕ çļéåŕéđ, ţĥîš påţîéñţ îš ļéfţ öûţ öf évéŕý ÑÅÇŔ éxpöŕţ. ········································]</translation>
        </message>
        <message>
            <source> (confirmed by {user} on {date})</source>
            <translation>[ (çöñfîŕméđ bý {user} öñ {date}) ··········]</translation>
        </message>
        <message>
            <source>Opted out of NACR on {date}{by}. This patient is never exported.</source>
            <translation>[Öpţéđ öûţ öf ÑÅÇŔ öñ {date}{by}. Ţĥîš påţîéñţ îš ñévéŕ éxpöŕţéđ. ························]</translation>
        </message>
        <message>
            <source>Opt-out cleared by {user} on {date}: {reason}. This patient is included in NACR exports.</source>
            <translation>[Öpţ-öûţ çļéåŕéđ bý {user} öñ {date}: {reason}. Ţĥîš påţîéñţ îš îñçļûđéđ îñ ÑÅÇŔ éxpöŕţš. ·································]</translation>
        </message>
        <message>
            <source>No NACR opt-out recorded: this patient is included in NACR exports.</source>
            <translation>[Ñö ÑÅÇŔ öpţ-öûţ ŕéçöŕđéđ: ţĥîš påţîéñţ îš îñçļûđéđ îñ ÑÅÇŔ éxpöŕţš. ························]</translation>
        </message>
        <message>
            <source>NACR opt-out</source>
            <translation>[ÑÅÇŔ öpţ-öûţ ··]</translation>
        </message>
        <message>
            <source>Con&amp;firm opt-out…</source>
            <translation>[Çöñ&amp;fîŕm öpţ-öûţ… ····]</translation>
        </message>
        <message>
            <source>Clear op&amp;t-out…</source>
            <translation>[Çļéåŕ öp&amp;ţ-öûţ… ···]</translation>
        </message>
        <message>
            <source>Record opt-o&amp;ut…</source>
            <translation>[Ŕéçöŕđ öpţ-ö&amp;ûţ… ····]</translation>
        </message>
        <message>
            <source>Confirm the NACR opt-out</source>
            <translation>[Çöñfîŕm ţĥé ÑÅÇŔ öpţ-öûţ ·······]</translation>
        </message>
        <message>
            <source>Check with the patient that they do not want their information sent to the national audit, then enter the date they opted out.</source>
            <translation>[Çĥéçķ ŵîţĥ ţĥé påţîéñţ ţĥåţ ţĥéý đö ñöţ ŵåñţ ţĥéîŕ îñföŕmåţîöñ šéñţ ţö ţĥé ñåţîöñåļ åûđîţ, ţĥéñ éñţéŕ ţĥé đåţé ţĥéý öpţéđ öûţ. ················································]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>&amp;Date the patient opted out</source>
            <translation>[&amp;Đåţé ţĥé påţîéñţ öpţéđ öûţ ········]</translation>
        </message>
        <message>
            <source>Clear the NACR opt-out</source>
            <translation>[Çļéåŕ ţĥé ÑÅÇŔ öpţ-öûţ ······]</translation>
        </message>
        <message>
            <source>Once cleared, this patient's record goes to NACR in the next export. Say why, for the record.</source>
            <translation>[Öñçé çļéåŕéđ, ţĥîš påţîéñţ'š ŕéçöŕđ ĝöéš ţö ÑÅÇŔ îñ ţĥé ñéxţ éxpöŕţ. Šåý ŵĥý, föŕ ţĥé ŕéçöŕđ. ···································]</translation>
        </message>
        <message>
            <source>For example: patient changed their mind when we talked</source>
            <translation>[Föŕ éxåmpļé: påţîéñţ çĥåñĝéđ ţĥéîŕ mîñđ ŵĥéñ ŵé ţåļķéđ ···················]</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>[&amp;Ŕéåšöñ·]</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Home</source>
            <translation>[Ĥömé]</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>[Påţîéñţš ·]</translation>
        </message>
        <message>
            <source>Service dashboard</source>
            <translation>[Šéŕvîçé đåšĥböåŕđ ····]</translation>
        </message>
        <message>
            <source>Users and roles</source>
            <translation>[Ûšéŕš åñđ ŕöļéš ···]</translation>
        </message>
        <message>
            <source>Clinic settings</source>
            <translation>[Çļîñîç šéţţîñĝš ···]</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>[Båçķûpš·]</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>[Åûđîţ ļöĝ ·]</translation>
        </message>
        <message>
            <source>Retention and disposal</source>
            <translation>[Ŕéţéñţîöñ åñđ đîšpöšåļ ······]</translation>
        </message>
        <message>
            <source>Export for NACR</source>
            <translation>[Éxpöŕţ föŕ ÑÅÇŔ ···]</translation>
        </message>
    </context>
    <context>
        <name>PaperPrint</name>
        <message>
            <source>Print paper f&amp;orm…</source>
            <translation>[Pŕîñţ påpéŕ f&amp;öŕm… ·····]</translation>
        </message>
        <message>
            <source>Print a blank paper questionnaire</source>
            <translation>[Pŕîñţ å bļåñķ påpéŕ qûéšţîöññåîŕé ···········]</translation>
        </message>
        <message>
            <source>Assessment {n}: anonymous copy (reference only)…</source>
            <translation>[Åššéššméñţ {n}: åñöñýmöûš çöpý (ŕéféŕéñçé öñļý)… ··················]</translation>
        </message>
        <message>
            <source>Assessment {n}: named copy (name, date of birth, NHS number)…</source>
            <translation>[Åššéššméñţ {n}: ñåméđ çöpý (ñåmé, đåţé öf bîŕţĥ, ÑĤŠ ñûmbéŕ)… ·······················]</translation>
        </message>
        <message>
            <source>Assessment {n}: anonymous, large print…</source>
            <translation>[Åššéššméñţ {n}: åñöñýmöûš, ļåŕĝé pŕîñţ… ··············]</translation>
        </message>
        <message>
            <source>Assessment {n}: named, large print…</source>
            <translation>[Åššéššméñţ {n}: ñåméđ, ļåŕĝé pŕîñţ… ·············]</translation>
        </message>
        <message>
            <source>Save the paper questionnaire</source>
            <translation>[Šåvé ţĥé påpéŕ qûéšţîöññåîŕé ·········]</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>[PĐF fîļéš (*.pđf) ····]</translation>
        </message>
        <message>
            <source>Making the questionnaire…</source>
            <translation>[Måķîñĝ ţĥé qûéšţîöññåîŕé… ·······]</translation>
        </message>
        <message>
            <source>The questionnaire was saved where you chose.</source>
            <translation>[Ţĥé qûéšţîöññåîŕé ŵåš šåvéđ ŵĥéŕé ýöû çĥöšé. ···············]</translation>
        </message>
    </context>
    <context>
        <name>PatientEditor</name>
        <message>
            <source>e.g. 943 476 5919</source>
            <translation>[é.ĝ. 943 476 5919 ····]</translation>
        </message>
        <message>
            <source>&amp;NHS number</source>
            <translation>[&amp;ÑĤŠ ñûmbéŕ ··]</translation>
        </message>
        <message>
            <source>&amp;Hospital number</source>
            <translation>[&amp;Ĥöšpîţåļ ñûmbéŕ ····]</translation>
        </message>
        <message>
            <source>&amp;Date of birth</source>
            <translation>[&amp;Đåţé öf bîŕţĥ ···]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>&amp;Family name</source>
            <translation>[&amp;Fåmîļý ñåmé ··]</translation>
        </message>
        <message>
            <source>&amp;Given name</source>
            <translation>[&amp;Ĝîvéñ ñåmé ··]</translation>
        </message>
        <message>
            <source>Gen&amp;der</source>
            <translation>[Ĝéñ&amp;đéŕ·]</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>[Ñöţ ŕéçöŕđéđ ··]</translation>
        </message>
        <message>
            <source>&amp;Ethnic category</source>
            <translation>[&amp;Éţĥñîç çåţéĝöŕý ····]</translation>
        </message>
        <message>
            <source>&amp;Postcode</source>
            <translation>[&amp;Pöšţçöđé ·]</translation>
        </message>
        <message>
            <source>e.g. LS6 1AB</source>
            <translation>[é.ĝ. ĻŠ6 1ÅB ··]</translation>
        </message>
        <message>
            <source>G&amp;P practice code</source>
            <translation>[Ĝ&amp;P pŕåçţîçé çöđé ····]</translation>
        </message>
        <message>
            <source>e.g. A81001</source>
            <translation>[é.ĝ. Å81001 ··]</translation>
        </message>
        <message>
            <source>Save result</source>
            <translation>[Šåvé ŕéšûļţ ··]</translation>
        </message>
        <message>
            <source>&amp;Save patient</source>
            <translation>[&amp;Šåvé påţîéñţ ···]</translation>
        </message>
        <message>
            <source>&amp;Save changes</source>
            <translation>[&amp;Šåvé çĥåñĝéš ···]</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>[Šåvé çĥåñĝéš ··]</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>[Šåvéđ.·]</translation>
        </message>
        <message>
            <source>No changes to save.</source>
            <translation>[Ñö çĥåñĝéš ţö šåvé. ·····]</translation>
        </message>
    </context>
    <context>
        <name>PatientListView</name>
        <message>
            <source>Patient list</source>
            <translation>[Påţîéñţ ļîšţ ··]</translation>
        </message>
        <message>
            <source>Patients</source>
            <translation>[Påţîéñţš ·]</translation>
        </message>
        <message>
            <source>&amp;New patient…</source>
            <translation>[&amp;Ñéŵ påţîéñţ… ···]</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>[&amp;Fîñđ:·]</translation>
        </message>
        <message>
            <source>Name, NHS or hospital number</source>
            <translation>[Ñåmé, ÑĤŠ öŕ ĥöšpîţåļ ñûmbéŕ ·········]</translation>
        </message>
        <message>
            <source>Find a patient by name, NHS number or hospital number</source>
            <translation>[Fîñđ å påţîéñţ bý ñåmé, ÑĤŠ ñûmbéŕ öŕ ĥöšpîţåļ ñûmbéŕ ···················]</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>[&amp;Šĥöŵ:·]</translation>
        </message>
        <message>
            <source>Show patients with status</source>
            <translation>[Šĥöŵ påţîéñţš ŵîţĥ šţåţûš ·······]</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>[Évéŕýöñé ·]</translation>
        </message>
        <message>
            <source>&amp;Open record</source>
            <translation>[&amp;Öpéñ ŕéçöŕđ ··]</translation>
        </message>
        <message>
            <source>Open the selected record</source>
            <translation>[Öpéñ ţĥé šéļéçţéđ ŕéçöŕđ ·······]</translation>
        </message>
        <message>
            <source>Double-click a patient, or select one and press Enter, to open the record.</source>
            <translation>[Đöûbļé-çļîçķ å påţîéñţ, öŕ šéļéçţ öñé åñđ pŕéšš Éñţéŕ, ţö öpéñ ţĥé ŕéçöŕđ. ···························]</translation>
        </message>
        <message>
            <source>Hospital numbers are in each record: the list is too narrow for them at this text size.</source>
            <translation>[Ĥöšpîţåļ ñûmbéŕš åŕé îñ éåçĥ ŕéçöŕđ: ţĥé ļîšţ îš ţöö ñåŕŕöŵ föŕ ţĥém åţ ţĥîš ţéxţ šîžé. ································]</translation>
        </message>
        <message>
            <source>Hospital numbers and each patient's status are in their record (“Show” still chooses patients by status; an opt-out is said under the name): the list is too narrow for them at this text size.</source>
            <translation>[Ĥöšpîţåļ ñûmbéŕš åñđ éåçĥ påţîéñţ'š šţåţûš åŕé îñ ţĥéîŕ ŕéçöŕđ (“Šĥöŵ” šţîļļ çĥööšéš påţîéñţš bý šţåţûš; åñ öpţ-öûţ îš šåîđ ûñđéŕ ţĥé ñåmé): ţĥé ļîšţ îš ţöö ñåŕŕöŵ föŕ ţĥém åţ ţĥîš ţéxţ šîžé. ··········································································]</translation>
        </message>
        <message>
            <source>Patients shown</source>
            <translation>[Påţîéñţš šĥöŵñ ···]</translation>
        </message>
        <message>
            <source>Columns left out</source>
            <translation>[Çöļûmñš ļéfţ öûţ ····]</translation>
        </message>
        <message>
            <source>The patient list cannot be read: {reason}</source>
            <translation>[Ţĥé påţîéñţ ļîšţ çåññöţ bé ŕéåđ: {reason} ··············]</translation>
        </message>
        <message>
            <source>{shown:,} of {total:,}</source>
            <translation>[{shown:,} öf {total:,} ······]</translation>
        </message>
        <message>
            <source>Showing {shown} of {total} patients</source>
            <translation>[Šĥöŵîñĝ {shown} öf {total} påţîéñţš ···········]</translation>
        </message>
    </context>
    <context>
        <name>PatientRecordView</name>
        <message>
            <source>Save the copy of the record</source>
            <translation>[Šåvé ţĥé çöpý öf ţĥé ŕéçöŕđ ········]</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>[PĐF fîļéš (*.pđf) ····]</translation>
        </message>
        <message>
            <source>Making the copy of the record…</source>
            <translation>[Måķîñĝ ţĥé çöpý öf ţĥé ŕéçöŕđ… ·········]</translation>
        </message>
        <message>
            <source>The copy was saved as {pdf} and {json} in {folder}. It holds everything about this patient: give it only to them, then delete it from this laptop.</source>
            <translation>[Ţĥé çöpý ŵåš šåvéđ åš {pdf} åñđ {json} îñ {folder}. Îţ ĥöļđš évéŕýţĥîñĝ åböûţ ţĥîš påţîéñţ: ĝîvé îţ öñļý ţö ţĥém, ţĥéñ đéļéţé îţ fŕöm ţĥîš ļåpţöp. ························································]</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>[Måķîñĝ ţĥé ŕépöŕţ… ·····]</translation>
        </message>
        <message>
            <source>Print the progress report</source>
            <translation>[Pŕîñţ ţĥé pŕöĝŕéšš ŕépöŕţ ·······]</translation>
        </message>
        <message>
            <source>The report was sent to {printer} ({pages} pages).</source>
            <translation>[Ţĥé ŕépöŕţ ŵåš šéñţ ţö {printer} ({pages} påĝéš). ·················]</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>[ţĥé pŕîñţéŕ ··]</translation>
        </message>
        <message>
            <source>Save the progress report as PDF</source>
            <translation>[Šåvé ţĥé pŕöĝŕéšš ŕépöŕţ åš PĐF ··········]</translation>
        </message>
        <message>
            <source>The report was saved in {folder}.</source>
            <translation>[Ţĥé ŕépöŕţ ŵåš šåvéđ îñ {folder}. ···········]</translation>
        </message>
        <message>
            <source>Report saved</source>
            <translation>[Ŕépöŕţ šåvéđ ··]</translation>
        </message>
        <message>
            <source>The report was saved as {name} in the folder {folder}.</source>
            <translation>[Ţĥé ŕépöŕţ ŵåš šåvéđ åš {name} îñ ţĥé föļđéŕ {folder}. ···················]</translation>
        </message>
        <message>
            <source>It shows the patient's name, date of birth and NHS number. Delete it when it has been printed or sent, or keep it in a folder only staff can open.</source>
            <translation>[Îţ šĥöŵš ţĥé påţîéñţ'š ñåmé, đåţé öf bîŕţĥ åñđ ÑĤŠ ñûmbéŕ. Đéļéţé îţ ŵĥéñ îţ ĥåš bééñ pŕîñţéđ öŕ šéñţ, öŕ ķéép îţ îñ å föļđéŕ öñļý šţåff çåñ öpéñ. ························································]</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>[&amp;Öpéñ]</translation>
        </message>
        <message>
            <source>Show in &amp;folder</source>
            <translation>[Šĥöŵ îñ &amp;föļđéŕ ···]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çļöšé]</translation>
        </message>
        <message>
            <source>Patient record</source>
            <translation>[Påţîéñţ ŕéçöŕđ ···]</translation>
        </message>
        <message>
            <source>← &amp;Patient list</source>
            <translation>[← &amp;Påţîéñţ ļîšţ ···]</translation>
        </message>
        <message>
            <source>Back to the patient list</source>
            <translation>[Båçķ ţö ţĥé påţîéñţ ļîšţ ·······]</translation>
        </message>
        <message>
            <source>Start &amp;questionnaire</source>
            <translation>[Šţåŕţ &amp;qûéšţîöññåîŕé ·····]</translation>
        </message>
        <message>
            <source>P&amp;rint report…</source>
            <translation>[P&amp;ŕîñţ ŕépöŕţ… ···]</translation>
        </message>
        <message>
            <source>Save as PD&amp;F…</source>
            <translation>[Šåvé åš PĐ&amp;F… ···]</translation>
        </message>
        <message>
            <source>En&amp;ter questionnaire…</source>
            <translation>[Éñ&amp;ţéŕ qûéšţîöññåîŕé… ······]</translation>
        </message>
        <message>
            <source>Enter questionnaire for this patient (telephone, video or paper)</source>
            <translation>[Éñţéŕ qûéšţîöññåîŕé föŕ ţĥîš påţîéñţ (ţéļépĥöñé, vîđéö öŕ påpéŕ) ·······················]</translation>
        </message>
        <message>
            <source>Rec&amp;ord…</source>
            <translation>[Ŕéç&amp;öŕđ… ·]</translation>
        </message>
        <message>
            <source>Restrict the record, or copy it for the patient</source>
            <translation>[Ŕéšţŕîçţ ţĥé ŕéçöŕđ, öŕ çöpý îţ föŕ ţĥé påţîéñţ ················]</translation>
        </message>
        <message>
            <source>Restr&amp;ict record…</source>
            <translation>[Ŕéšţŕ&amp;îçţ ŕéçöŕđ… ····]</translation>
        </message>
        <message>
            <source>Cop&amp;y of everything held (subject access)…</source>
            <translation>[Çöp&amp;ý öf évéŕýţĥîñĝ ĥéļđ (šûbjéçţ åççéšš)… ··············]</translation>
        </message>
        <message>
            <source>Record message</source>
            <translation>[Ŕéçöŕđ méššåĝé ···]</translation>
        </message>
        <message>
            <source>Patient identifiers</source>
            <translation>[Påţîéñţ îđéñţîfîéŕš ·····]</translation>
        </message>
        <message>
            <source>Referral:</source>
            <translation>[Ŕéféŕŕåļ: ·]</translation>
        </message>
        <message>
            <source>Referral episode</source>
            <translation>[Ŕéféŕŕåļ épîšöđé ····]</translation>
        </message>
        <message>
            <source>&amp;New referral…</source>
            <translation>[&amp;Ñéŵ ŕéféŕŕåļ… ···]</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>[Ñéŵ ŕéféŕŕåļ ··]</translation>
        </message>
        <message>
            <source>&amp;Edit referral…</source>
            <translation>[&amp;Éđîţ ŕéféŕŕåļ… ···]</translation>
        </message>
        <message>
            <source>Edit referral</source>
            <translation>[Éđîţ ŕéféŕŕåļ ···]</translation>
        </message>
        <message>
            <source>Referral and &amp;assessments</source>
            <translation>[Ŕéféŕŕåļ åñđ &amp;åššéššméñţš ·······]</translation>
        </message>
        <message>
            <source>Pro&amp;gress</source>
            <translation>[Pŕö&amp;ĝŕéšš ·]</translation>
        </message>
        <message>
            <source>Goa&amp;ls</source>
            <translation>[Ĝöå&amp;ļš·]</translation>
        </message>
        <message>
            <source>Patient &amp;details</source>
            <translation>[Påţîéñţ &amp;đéţåîļš ····]</translation>
        </message>
        <message>
            <source>&amp;Contact</source>
            <translation>[&amp;Çöñţåçţ ·]</translation>
        </message>
        <message>
            <source>{event} - referred {date}</source>
            <translation>[{event} - ŕéféŕŕéđ {date} ·······]</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>[Ŕéféŕŕåļ ·]</translation>
        </message>
        <message>
            <source>date not recorded</source>
            <translation>[đåţé ñöţ ŕéçöŕđéđ ····]</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>[Ŕéféŕŕéđ ·]</translation>
        </message>
        <message>
            <source>not sent to NACR</source>
            <translation>[ñöţ šéñţ ţö ÑÅÇŔ ····]</translation>
        </message>
        <message>
            <source>RESTRICTED: held back from exports and saved reports</source>
            <translation>[ŔÉŠŢŔÎÇŢÉĐ: ĥéļđ båçķ fŕöm éxpöŕţš åñđ šåvéđ ŕépöŕţš ··················]</translation>
        </message>
        <message>
            <source>Release restr&amp;iction…</source>
            <translation>[Ŕéļéåšé ŕéšţŕ&amp;îçţîöñ… ······]</translation>
        </message>
        <message>
            <source>NHS number {nhs}  ·  born {born}  ·  hospital number {hospital}  ·  {state}</source>
            <translation>[ÑĤŠ ñûmbéŕ {nhs}  ·  böŕñ {born}  ·  ĥöšpîţåļ ñûmbéŕ {hospital}  ·  {state} ···························]</translation>
        </message>
        <message>
            <source>Start questionnaire</source>
            <translation>[Šţåŕţ qûéšţîöññåîŕé ·····]</translation>
        </message>
        <message>
            <source>Start questionnaire ({kind})</source>
            <translation>[Šţåŕţ qûéšţîöññåîŕé ({kind}) ·········]</translation>
        </message>
        <message>
            <source>Questionnaire</source>
            <translation>[Qûéšţîöññåîŕé ···]</translation>
        </message>
        <message>
            <source>The patient questionnaire screen is not available in this version of crdesk.</source>
            <translation>[Ţĥé påţîéñţ qûéšţîöññåîŕé šçŕééñ îš ñöţ åvåîļåbļé îñ ţĥîš véŕšîöñ öf çŕđéšķ. ····························]</translation>
        </message>
    </context>
    <context>
        <name>PatientTableModel</name>
        <message>
            <source>opted out of NACR</source>
            <translation>[öpţéđ öûţ öf ÑÅÇŔ ····]</translation>
        </message>
        <message>
            <source> · opted out of NACR</source>
            <translation>[ · öpţéđ öûţ öf ÑÅÇŔ ·····]</translation>
        </message>
        <message>
            <source>{date}
Overdue</source>
            <translation>[{date}
Övéŕđûé ···]</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>[Ñåmé]</translation>
        </message>
        <message>
            <source>NHS number</source>
            <translation>[ÑĤŠ ñûmbéŕ ·]</translation>
        </message>
        <message>
            <source>Hospital no.</source>
            <translation>[Ĥöšpîţåļ ñö. ··]</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>[Đåţé öf bîŕţĥ ···]</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>[Šţåţûš·]</translation>
        </message>
        <message>
            <source>Next action</source>
            <translation>[Ñéxţ åçţîöñ ··]</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>[Đûé]</translation>
        </message>
        <message>
            <source>Add the referral</source>
            <translation>[Åđđ ţĥé ŕéféŕŕåļ ····]</translation>
        </message>
        <message>
            <source>Assessment 1</source>
            <translation>[Åššéššméñţ 1 ··]</translation>
        </message>
        <message>
            <source>Assessment 2</source>
            <translation>[Åššéššméñţ 2 ··]</translation>
        </message>
        <message>
            <source>Assessment 2; NACR window closed</source>
            <translation>[Åššéššméñţ 2; ÑÅÇŔ ŵîñđöŵ çļöšéđ ··········]</translation>
        </message>
        <message>
            <source>Assessment 2; NACR window closing</source>
            <translation>[Åššéššméñţ 2; ÑÅÇŔ ŵîñđöŵ çļöšîñĝ ···········]</translation>
        </message>
        <message>
            <source>Assessment 3 (12 months)</source>
            <translation>[Åššéššméñţ 3 (12 möñţĥš) ·······]</translation>
        </message>
        <message>
            <source>Start the programme (wait threshold)</source>
            <translation>[Šţåŕţ ţĥé pŕöĝŕåmmé (ŵåîţ ţĥŕéšĥöļđ) ············]</translation>
        </message>
    </context>
    <context>
        <name>PatientsPage</name>
        <message>
            <source>Patients</source>
            <translation>[Påţîéñţš ·]</translation>
        </message>
        <message>
            <source>← &amp;Patient list</source>
            <translation>[← &amp;Påţîéñţ ļîšţ ···]</translation>
        </message>
        <message>
            <source>Back to the patient list</source>
            <translation>[Båçķ ţö ţĥé påţîéñţ ļîšţ ·······]</translation>
        </message>
        <message>
            <source>New patient</source>
            <translation>[Ñéŵ påţîéñţ ··]</translation>
        </message>
        <message>
            <source>Check the NHS number against the referral letter. Add the referral after saving.</source>
            <translation>[Çĥéçķ ţĥé ÑĤŠ ñûmbéŕ åĝåîñšţ ţĥé ŕéféŕŕåļ ļéţţéŕ. Åđđ ţĥé ŕéféŕŕåļ åfţéŕ šåvîñĝ. ·····························]</translation>
        </message>
    </context>
    <context>
        <name>ProgressChart</name>
        <message>
            <source>Anxiety (HADS)</source>
            <translation>[Åñxîéţý (ĤÅĐŠ) ···]</translation>
        </message>
        <message>
            <source>Depression (HADS)</source>
            <translation>[Đépŕéššîöñ (ĤÅĐŠ) ····]</translation>
        </message>
        <message>
            <source>Active minutes a week</source>
            <translation>[Åçţîvé mîñûţéš å ŵééķ ······]</translation>
        </message>
        <message>
            <source>BMI</source>
            <translation>[BMÎ]</translation>
        </message>
        <message>
            <source>Shuttle walk (m)</source>
            <translation>[Šĥûţţļé ŵåļķ (m) ····]</translation>
        </message>
        <message>
            <source>6-minute walk (m)</source>
            <translation>[6-mîñûţé ŵåļķ (m) ····]</translation>
        </message>
        <message>
            <source>Upper BP (mmHg)</source>
            <translation>[Ûppéŕ BP (mmĤĝ) ···]</translation>
        </message>
        <message>
            <source>Waist (cm)</source>
            <translation>[Ŵåîšţ (çm) ·]</translation>
        </message>
        <message>
            <source>Better</source>
            <translation>[Béţţéŕ·]</translation>
        </message>
        <message>
            <source>Worse</source>
            <translation>[Ŵöŕšé]</translation>
        </message>
        <message>
            <source>Same</source>
            <translation>[Šåmé]</translation>
        </message>
        <message>
            <source>About the same</source>
            <translation>[Åböûţ ţĥé šåmé ···]</translation>
        </message>
        <message>
            <source>Not compared</source>
            <translation>[Ñöţ çömpåŕéđ ··]</translation>
        </message>
        <message>
            <source>Progress chart</source>
            <translation>[Pŕöĝŕéšš çĥåŕţ ···]</translation>
        </message>
        <message>
            <source>The chart appears once two assessments have values to compare.</source>
            <translation>[Ţĥé çĥåŕţ åppéåŕš öñçé ţŵö åššéššméñţš ĥåvé våļûéš ţö çömpåŕé. ······················]</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Progress</source>
            <translation>[Pŕöĝŕéšš ·]</translation>
        </message>
        <message>
            <source>Progress summary</source>
            <translation>[Pŕöĝŕéšš šûmmåŕý ····]</translation>
        </message>
        <message>
            <source>How each questionnaire was completed</source>
            <translation>[Ĥöŵ éåçĥ qûéšţîöññåîŕé ŵåš çömpļéţéđ ············]</translation>
        </message>
        <message>
            <source>Measures at each assessment</source>
            <translation>[Méåšûŕéš åţ éåçĥ åššéššméñţ ········]</translation>
        </message>
        <message>
            <source>Only one assessment has been recorded so far: the change appears once assessment 2 is done.</source>
            <translation>[Öñļý öñé åššéššméñţ ĥåš bééñ ŕéçöŕđéđ šö fåŕ: ţĥé çĥåñĝé åppéåŕš öñçé åššéššméñţ 2 îš đöñé. ··································]</translation>
        </message>
        <message>
            <source>{better} better, {same} about the same, {worse} worse since assessment 1.</source>
            <translation>[{better} béţţéŕ, {same} åböûţ ţĥé šåmé, {worse} ŵöŕšé šîñçé åššéššméñţ 1. ···························]</translation>
        </message>
        <message>
            <source>{kind} {how}</source>
            <translation>[{kind} {how} ···]</translation>
        </message>
        <message>
            <source>How each questionnaire was completed: {modes}</source>
            <translation>[Ĥöŵ éåçĥ qûéšţîöññåîŕé ŵåš çömpļéţéđ: {modes} ···············]</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>[Méåšûŕé·]</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>[Çĥåñĝé·]</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>[Ŕéšûļţ·]</translation>
        </message>
        <message>
            <source>{kind} done {date}</source>
            <translation>[{kind} đöñé {date} ·····]</translation>
        </message>
    </context>
    <context>
        <name>Records</name>
        <message>
            <source>Restrict this record</source>
            <translation>[Ŕéšţŕîçţ ţĥîš ŕéçöŕđ ·····]</translation>
        </message>
        <message>
            <source>Release the restriction</source>
            <translation>[Ŕéļéåšé ţĥé ŕéšţŕîçţîöñ ·······]</translation>
        </message>
        <message>
            <source>A restricted record stays here and staff can still see it, but it is held back from every export to NACR and from every service report saved or shared, until it is released. Say why, for the record.</source>
            <translation>[Å ŕéšţŕîçţéđ ŕéçöŕđ šţåýš ĥéŕé åñđ šţåff çåñ šţîļļ šéé îţ, bûţ îţ îš ĥéļđ båçķ fŕöm évéŕý éxpöŕţ ţö ÑÅÇŔ åñđ fŕöm évéŕý šéŕvîçé ŕépöŕţ šåvéđ öŕ šĥåŕéđ, ûñţîļ îţ îš ŕéļéåšéđ. Šåý ŵĥý, föŕ ţĥé ŕéçöŕđ. ·············································································]</translation>
        </message>
        <message>
            <source>Once released, the record goes to NACR in the next export and counts in saved service reports again. Say why.</source>
            <translation>[Öñçé ŕéļéåšéđ, ţĥé ŕéçöŕđ ĝöéš ţö ÑÅÇŔ îñ ţĥé ñéxţ éxpöŕţ åñđ çöûñţš îñ šåvéđ šéŕvîçé ŕépöŕţš åĝåîñ. Šåý ŵĥý. ·········································]</translation>
        </message>
        <message>
            <source>For example: the patient asked while they dispute their record</source>
            <translation>[Föŕ éxåmpļé: ţĥé påţîéñţ åšķéđ ŵĥîļé ţĥéý đîšpûţé ţĥéîŕ ŕéçöŕđ ······················]</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>[&amp;Ŕéåšöñ·]</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPrint</name>
        <message>
            <source>Print the recovery key</source>
            <translation>[Pŕîñţ ţĥé ŕéçövéŕý ķéý ······]</translation>
        </message>
    </context>
    <context>
        <name>RestoreClinic</name>
        <message>
            <source>crdesk — restore a clinic</source>
            <translation>[çŕđéšķ — ŕéšţöŕé å çļîñîç ·······]</translation>
        </message>
        <message>
            <source>Restore a clinic from a backup</source>
            <translation>[Ŕéšţöŕé å çļîñîç fŕöm å båçķûp ·········]</translation>
        </message>
        <message>
            <source>For a new or repaired laptop: bring the clinic's latest backup (from its USB drive or network share) and the recovery key from the clinic safe. Everyone then signs in with the passwords they had.</source>
            <translation>[Föŕ å ñéŵ öŕ ŕépåîŕéđ ļåpţöp: bŕîñĝ ţĥé çļîñîç'š ļåţéšţ båçķûp (fŕöm îţš ÛŠB đŕîvé öŕ ñéţŵöŕķ šĥåŕé) åñđ ţĥé ŕéçövéŕý ķéý fŕöm ţĥé çļîñîç šåfé. Évéŕýöñé ţĥéñ šîĝñš îñ ŵîţĥ ţĥé påššŵöŕđš ţĥéý ĥåđ. ···········································································]</translation>
        </message>
        <message>
            <source>1. Choose the backup file</source>
            <translation>[1. Çĥööšé ţĥé båçķûp fîļé ·······]</translation>
        </message>
        <message>
            <source>&amp;Choose the backup…</source>
            <translation>[&amp;Çĥööšé ţĥé båçķûp… ·····]</translation>
        </message>
        <message>
            <source>Choose the backup file</source>
            <translation>[Çĥööšé ţĥé båçķûp fîļé ······]</translation>
        </message>
        <message>
            <source>Backup file</source>
            <translation>[Båçķûp fîļé ··]</translation>
        </message>
        <message>
            <source>2. Type the recovery key</source>
            <translation>[2. Ţýpé ţĥé ŕéçövéŕý ķéý ·······]</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>[Ŕéçövéŕý ķéý ··]</translation>
        </message>
        <message>
            <source>for example 1A2B-3C4D-5E6F-…</source>
            <translation>[föŕ éxåmpļé 1Å2B-3Ç4Đ-5É6F-… ·········]</translation>
        </message>
        <message>
            <source>The key printed when the clinic was set up, or at the last key rotation before the backup was made.</source>
            <translation>[Ţĥé ķéý pŕîñţéđ ŵĥéñ ţĥé çļîñîç ŵåš šéţ ûp, öŕ åţ ţĥé ļåšţ ķéý ŕöţåţîöñ béföŕé ţĥé båçķûp ŵåš måđé. ·····································]</translation>
        </message>
        <message>
            <source>3. Restore</source>
            <translation>[3. Ŕéšţöŕé ·]</translation>
        </message>
        <message>
            <source>Restore message</source>
            <translation>[Ŕéšţöŕé méššåĝé ···]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çåñçéļ·]</translation>
        </message>
        <message>
            <source>Cancel the restore</source>
            <translation>[Çåñçéļ ţĥé ŕéšţöŕé ·····]</translation>
        </message>
        <message>
            <source>&amp;Restore the clinic</source>
            <translation>[&amp;Ŕéšţöŕé ţĥé çļîñîç ·····]</translation>
        </message>
        <message>
            <source>Choose the clinic's backup</source>
            <translation>[Çĥööšé ţĥé çļîñîç'š båçķûp ········]</translation>
        </message>
        <message>
            <source>crdesk backups (*.crbackup)</source>
            <translation>[çŕđéšķ båçķûpš (*.çŕbåçķûp) ········]</translation>
        </message>
        <message>
            <source>Checking {name}…</source>
            <translation>[Çĥéçķîñĝ {name}… ····]</translation>
        </message>
        <message>
            <source>{name}: a whole backup, made {when} (crdesk {version}).</source>
            <translation>[{name}: å ŵĥöļé båçķûp, måđé {when} (çŕđéšķ {version}). ···················]</translation>
        </message>
        <message>
            <source>Restoring… this takes a moment.</source>
            <translation>[Ŕéšţöŕîñĝ… ţĥîš ţåķéš å möméñţ. ··········]</translation>
        </message>
    </context>
    <context>
        <name>Retention</name>
        <message>
            <source>Purge this record</source>
            <translation>[Pûŕĝé ţĥîš ŕéçöŕđ ····]</translation>
        </message>
        <message>
            <source>The patient's details, referrals, answers, goals and contact details are removed for good. The audit log keeps its entries without a name, and the export ledger keeps what proves what was sent. The reason is kept: do not write the patient's name or numbers in it. </source>
            <translation>[Ţĥé påţîéñţ'š đéţåîļš, ŕéféŕŕåļš, åñšŵéŕš, ĝöåļš åñđ çöñţåçţ đéţåîļš åŕé ŕémövéđ föŕ ĝööđ. Ţĥé åûđîţ ļöĝ ķéépš îţš éñţŕîéš ŵîţĥöûţ å ñåmé, åñđ ţĥé éxpöŕţ ļéđĝéŕ ķéépš ŵĥåţ pŕövéš ŵĥåţ ŵåš šéñţ. Ţĥé ŕéåšöñ îš ķépţ: đö ñöţ ŵŕîţé ţĥé påţîéñţ'š ñåmé öŕ ñûmbéŕš îñ îţ.  ·······································································································]</translation>
        </message>
        <message>
            <source>For example: retention period over, reviewed by the IG lead</source>
            <translation>[Föŕ éxåmpļé: ŕéţéñţîöñ péŕîöđ övéŕ, ŕévîéŵéđ bý ţĥé ÎĜ ļéåđ ·····················]</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>[&amp;Ŕéåšöñ·]</translation>
        </message>
        <message>
            <source>A purge needs a reason.</source>
            <translation>[Å pûŕĝé ñééđš å ŕéåšöñ. ·······]</translation>
        </message>
        <message>
            <source>Say why: the retention period is over, or the patient asked.</source>
            <translation>[Šåý ŵĥý: ţĥé ŕéţéñţîöñ péŕîöđ îš övéŕ, öŕ ţĥé påţîéñţ åšķéđ. ·····················]</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <source>Retention and disposal</source>
            <translation>[Ŕéţéñţîöñ åñđ đîšpöšåļ ······]</translation>
        </message>
        <message>
            <source>Where the default comes from</source>
            <translation>[Ŵĥéŕé ţĥé đéfåûļţ çöméš fŕöm ·········]</translation>
        </message>
        <message>
            <source>Keep records for (&amp;years after the last entry):</source>
            <translation>[Ķéép ŕéçöŕđš föŕ (&amp;ýéåŕš åfţéŕ ţĥé ļåšţ éñţŕý): ················]</translation>
        </message>
        <message>
            <source>Retention period in years</source>
            <translation>[Ŕéţéñţîöñ péŕîöđ îñ ýéåŕš ·······]</translation>
        </message>
        <message>
            <source>&amp;Save period</source>
            <translation>[&amp;Šåvé péŕîöđ ··]</translation>
        </message>
        <message>
            <source>&amp;List records past the period</source>
            <translation>[&amp;Ļîšţ ŕéçöŕđš påšţ ţĥé péŕîöđ ·········]</translation>
        </message>
        <message>
            <source>Retention message</source>
            <translation>[Ŕéţéñţîöñ méššåĝé ····]</translation>
        </message>
        <message>
            <source>Records past the period</source>
            <translation>[Ŕéçöŕđš påšţ ţĥé péŕîöđ ·······]</translation>
        </message>
        <message>
            <source>Erasure asked for: NHS n&amp;umber</source>
            <translation>[Éŕåšûŕé åšķéđ föŕ: ÑĤŠ ñ&amp;ûmbéŕ ·········]</translation>
        </message>
        <message>
            <source>NHS number of the patient asking</source>
            <translation>[ÑĤŠ ñûmbéŕ öf ţĥé påţîéñţ åšķîñĝ ··········]</translation>
        </message>
        <message>
            <source>Purge on re&amp;quest…</source>
            <translation>[Pûŕĝé öñ ŕé&amp;qûéšţ… ·····]</translation>
        </message>
        <message>
            <source>&amp;Purge the chosen record…</source>
            <translation>[&amp;Pûŕĝé ţĥé çĥöšéñ ŕéçöŕđ… ·······]</translation>
        </message>
        <message>
            <source>Saved: {n} years.</source>
            <translation>[Šåvéđ: {n} ýéåŕš. ·····]</translation>
        </message>
        <message>
            <source>Looking through the records…</source>
            <translation>[Ļööķîñĝ ţĥŕöûĝĥ ţĥé ŕéçöŕđš… ·········]</translation>
        </message>
        <message>
            <source>{who}: last entry {last}, due since {due}</source>
            <translation>[{who}: ļåšţ éñţŕý {last}, đûé šîñçé {due} ···············]</translation>
        </message>
        <message>
            <source>{n} record(s) past the retention period.</source>
            <translation>[{n} ŕéçöŕđ(š) påšţ ţĥé ŕéţéñţîöñ péŕîöđ. ···············]</translation>
        </message>
        <message>
            <source>No record is past the retention period.</source>
            <translation>[Ñö ŕéçöŕđ îš påšţ ţĥé ŕéţéñţîöñ péŕîöđ. ·············]</translation>
        </message>
        <message>
            <source>Purging…</source>
            <translation>[Pûŕĝîñĝ… ·]</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review goal</source>
            <translation>[Ŕévîéŵ ĝöåļ ··]</translation>
        </message>
        <message>
            <source>{goal}
Target: {target}</source>
            <translation>[{goal}
Ţåŕĝéţ: {target} ·······]</translation>
        </message>
        <message>
            <source>Choose how it went</source>
            <translation>[Çĥööšé ĥöŵ îţ ŵéñţ ·····]</translation>
        </message>
        <message>
            <source>How did it &amp;go?</source>
            <translation>[Ĥöŵ đîđ îţ &amp;ĝö? ···]</translation>
        </message>
        <message>
            <source>What helped, what got in the way, what next</source>
            <translation>[Ŵĥåţ ĥéļpéđ, ŵĥåţ ĝöţ îñ ţĥé ŵåý, ŵĥåţ ñéxţ ···············]</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>[&amp;Ñöţé]</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>Check every answer against the questionnaire</source>
            <translation>[Çĥéçķ évéŕý åñšŵéŕ åĝåîñšţ ţĥé qûéšţîöññåîŕé ···············]</translation>
        </message>
        <message>
            <source>Enter on a row goes back to its section. Press Enter on Finish when every answer is right.</source>
            <translation>[Éñţéŕ öñ å ŕöŵ ĝöéš båçķ ţö îţš šéçţîöñ. Pŕéšš Éñţéŕ öñ Fîñîšĥ ŵĥéñ évéŕý åñšŵéŕ îš ŕîĝĥţ. ·································]</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>[Šéçţîöñ·]</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>[Qûéšţîöñ ·]</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>[Åñšŵéŕ·]</translation>
        </message>
        <message>
            <source>Answers to check</source>
            <translation>[Åñšŵéŕš ţö çĥéçķ ····]</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>[(ñö åñšŵéŕ) ··]</translation>
        </message>
        <message>
            <source>Section not administered</source>
            <translation>[Šéçţîöñ ñöţ åđmîñîšţéŕéđ ·······]</translation>
        </message>
        <message>
            <source>Skipped: {reason}</source>
            <translation>[Šķîppéđ: {reason} ····]</translation>
        </message>
        <message>
            <source>Review message</source>
            <translation>[Ŕévîéŵ méššåĝé ···]</translation>
        </message>
        <message>
            <source>&amp;Finish first entry (a colleague checks it)</source>
            <translation>[&amp;Fîñîšĥ fîŕšţ éñţŕý (å çöļļéåĝûé çĥéçķš îţ) ···············]</translation>
        </message>
        <message>
            <source>&amp;Finish second entry and compare</source>
            <translation>[&amp;Fîñîšĥ šéçöñđ éñţŕý åñđ çömpåŕé ··········]</translation>
        </message>
        <message>
            <source>&amp;Finish and save</source>
            <translation>[&amp;Fîñîšĥ åñđ šåvé ····]</translation>
        </message>
    </context>
    <context>
        <name>SectionView</name>
        <message>
            <source>Section {n} of {count}: {title}</source>
            <translation>[Šéçţîöñ {n} öf {count}: {title} ··········]</translation>
        </message>
        <message>
            <source>&amp;Reason for not administering:</source>
            <translation>[&amp;Ŕéåšöñ föŕ ñöţ åđmîñîšţéŕîñĝ: ·········]</translation>
        </message>
        <message>
            <source>Reason for skipping</source>
            <translation>[Ŕéåšöñ föŕ šķîppîñĝ ·····]</translation>
        </message>
        <message>
            <source>&amp;Skip this section</source>
            <translation>[&amp;Šķîp ţĥîš šéçţîöñ ·····]</translation>
        </message>
        <message>
            <source>&amp;Undo skip</source>
            <translation>[&amp;Ûñđö šķîp ·]</translation>
        </message>
        <message>
            <source>Skip message</source>
            <translation>[Šķîp méššåĝé ··]</translation>
        </message>
        <message>
            <source>Problem with {words}</source>
            <translation>[Pŕöbļém ŵîţĥ {words} ·····]</translation>
        </message>
        <message>
            <source>Skipped: this section was not administered; the reason is recorded with the questionnaire. Press Enter for the next section.</source>
            <translation>[Šķîppéđ: ţĥîš šéçţîöñ ŵåš ñöţ åđmîñîšţéŕéđ; ţĥé ŕéåšöñ îš ŕéçöŕđéđ ŵîţĥ ţĥé qûéšţîöññåîŕé. Pŕéšš Éñţéŕ föŕ ţĥé ñéxţ šéçţîöñ. ···············································]</translation>
        </message>
        <message>
            <source>Skipped. Press Enter to go to the next section.</source>
            <translation>[Šķîppéđ. Pŕéšš Éñţéŕ ţö ĝö ţö ţĥé ñéxţ šéçţîöñ. ················]</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Step {step} of 4</source>
            <translation>[Šţép {step} öf 4 ····]</translation>
        </message>
        <message>
            <source>crdesk — set up your clinic</source>
            <translation>[çŕđéšķ — šéţ ûp ýöûŕ çļîñîç ········]</translation>
        </message>
        <message>
            <source>Set up your clinic</source>
            <translation>[Šéţ ûp ýöûŕ çļîñîç ·····]</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>[&lt; &amp;Båçķ·]</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>[&amp;Ñéxţ &gt;·]</translation>
        </message>
        <message>
            <source>&amp;Finish set-up</source>
            <translation>[&amp;Fîñîšĥ šéţ-ûp ···]</translation>
        </message>
        <message>
            <source>Cancel set-up</source>
            <translation>[Çåñçéļ šéţ-ûp ···]</translation>
        </message>
    </context>
    <context>
        <name>StaffEditors</name>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
    </context>
    <context>
        <name>StaffEntry</name>
        <message>
            <source>Assessment 1</source>
            <translation>[Åššéššméñţ 1 ··]</translation>
        </message>
        <message>
            <source>Assessment 2</source>
            <translation>[Åššéššméñţ 2 ··]</translation>
        </message>
        <message>
            <source>Assessment 3</source>
            <translation>[Åššéššméñţ 3 ··]</translation>
        </message>
        <message>
            <source>By telephone</source>
            <translation>[Bý ţéļépĥöñé ··]</translation>
        </message>
        <message>
            <source>By video call</source>
            <translation>[Bý vîđéö çåļļ ···]</translation>
        </message>
        <message>
            <source>Paper questionnaire typed in</source>
            <translation>[Påpéŕ qûéšţîöññåîŕé ţýpéđ îñ ·········]</translation>
        </message>
        <message>
            <source>In person, staff reading the questions</source>
            <translation>[Îñ péŕšöñ, šţåff ŕéåđîñĝ ţĥé qûéšţîöñš ·············]</translation>
        </message>
        <message>
            <source>By the patient on the clinic laptop</source>
            <translation>[Bý ţĥé påţîéñţ öñ ţĥé çļîñîç ļåpţöp ···········]</translation>
        </message>
        <message>
            <source>Entered by staff</source>
            <translation>[Éñţéŕéđ bý šţåff ····]</translation>
        </message>
    </context>
    <context>
        <name>StaffFormWidget</name>
        <message>
            <source>Problem with {words}</source>
            <translation>[Pŕöbļém ŵîţĥ {words} ·····]</translation>
        </message>
        <message>
            <source>Not known</source>
            <translation>[Ñöţ ķñöŵñ ·]</translation>
        </message>
    </context>
    <context>
        <name>StartEntryDialog</name>
        <message>
            <source>Enter a questionnaire for this patient</source>
            <translation>[Éñţéŕ å qûéšţîöññåîŕé föŕ ţĥîš påţîéñţ ·············]</translation>
        </message>
        <message>
            <source>For an assessment by telephone or video, in person with you reading the questions, or a paper questionnaire the patient filled in. An entry already started carries on where it stopped.</source>
            <translation>[Föŕ åñ åššéššméñţ bý ţéļépĥöñé öŕ vîđéö, îñ péŕšöñ ŵîţĥ ýöû ŕéåđîñĝ ţĥé qûéšţîöñš, öŕ å påpéŕ qûéšţîöññåîŕé ţĥé påţîéñţ fîļļéđ îñ. Åñ éñţŕý åļŕéåđý šţåŕţéđ çåŕŕîéš öñ ŵĥéŕé îţ šţöppéđ. ·······································································]</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>[đđ/mm/ýýýý ·]</translation>
        </message>
        <message>
            <source>A colleague will check it by entering it again</source>
            <translation>[Å çöļļéåĝûé ŵîļļ çĥéçķ îţ bý éñţéŕîñĝ îţ åĝåîñ ················]</translation>
        </message>
        <message>
            <source>&amp;Assessment:</source>
            <translation>[&amp;Åššéššméñţ: ··]</translation>
        </message>
        <message>
            <source>&amp;How the answers were obtained:</source>
            <translation>[&amp;Ĥöŵ ţĥé åñšŵéŕš ŵéŕé öbţåîñéđ: ··········]</translation>
        </message>
        <message>
            <source>&amp;Date the patient answered:</source>
            <translation>[&amp;Đåţé ţĥé påţîéñţ åñšŵéŕéđ: ········]</translation>
        </message>
        <message>
            <source>&amp;Language asked in:</source>
            <translation>[&amp;Ļåñĝûåĝé åšķéđ îñ: ·····]</translation>
        </message>
        <message>
            <source>Start message</source>
            <translation>[Šţåŕţ méššåĝé ···]</translation>
        </message>
        <message>
            <source>&amp;Start entering</source>
            <translation>[&amp;Šţåŕţ éñţéŕîñĝ ···]</translation>
        </message>
        <message>
            <source>An entry of this questionnaire was started by {user} ({method}, answered {date}); it carries on where it stopped.</source>
            <translation>[Åñ éñţŕý öf ţĥîš qûéšţîöññåîŕé ŵåš šţåŕţéđ bý {user} ({method}, åñšŵéŕéđ {date}); îţ çåŕŕîéš öñ ŵĥéŕé îţ šţöppéđ. ···········································]</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>Add a user</source>
            <translation>[Åđđ å ûšéŕ ·]</translation>
        </message>
        <message>
            <source>Reset the password of {username}</source>
            <translation>[Ŕéšéţ ţĥé påššŵöŕđ öf {username} ··········]</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>[&amp;Ûšéŕ ñåmé ·]</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>[&amp;Ñåmé]</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>[&amp;Ŕöļé]</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>[Šţåff]</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>[Åđmîñ]</translation>
        </message>
        <message>
            <source>&amp;Password (12 characters or more)</source>
            <translation>[&amp;Påššŵöŕđ (12 çĥåŕåçţéŕš öŕ möŕé) ···········]</translation>
        </message>
        <message>
            <source>&amp;Confirm password</source>
            <translation>[&amp;Çöñfîŕm påššŵöŕđ ····]</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>[Ŕéšûļţ·]</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>User name</source>
            <translation>[Ûšéŕ ñåmé ·]</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>[Ñåmé]</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>[Ŕöļé]</translation>
        </message>
        <message>
            <source>Password last changed</source>
            <translation>[Påššŵöŕđ ļåšţ çĥåñĝéđ ······]</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>[Ûšéŕš]</translation>
        </message>
        <message>
            <source>Users and roles</source>
            <translation>[Ûšéŕš åñđ ŕöļéš ···]</translation>
        </message>
        <message>
            <source>Everyone who can sign in to this clinic. Admins manage accounts, settings and exports; staff work with patients. Each person has their own account.</source>
            <translation>[Évéŕýöñé ŵĥö çåñ šîĝñ îñ ţö ţĥîš çļîñîç. Åđmîñš måñåĝé åççöûñţš, šéţţîñĝš åñđ éxpöŕţš; šţåff ŵöŕķ ŵîţĥ påţîéñţš. Éåçĥ péŕšöñ ĥåš ţĥéîŕ öŵñ åççöûñţ. ························································]</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>[&amp;Åđđ ûšéŕ… ·]</translation>
        </message>
        <message>
            <source>&amp;Reset password…</source>
            <translation>[&amp;Ŕéšéţ påššŵöŕđ… ····]</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>[Ŕéšéţ påššŵöŕđ ···]</translation>
        </message>
        <message>
            <source>Re&amp;move user…</source>
            <translation>[Ŕé&amp;mövé ûšéŕ… ···]</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>[Ŕémövé ûšéŕ ··]</translation>
        </message>
        <message>
            <source>Users message</source>
            <translation>[Ûšéŕš méššåĝé ···]</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>[Åđmîñ]</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>[Šţåff]</translation>
        </message>
        <message>
            <source>The account was added.</source>
            <translation>[Ţĥé åççöûñţ ŵåš åđđéđ. ······]</translation>
        </message>
        <message>
            <source>Select a user first.</source>
            <translation>[Šéļéçţ å ûšéŕ fîŕšţ. ·····]</translation>
        </message>
        <message>
            <source>The password was reset; tell the person in person, never by email.</source>
            <translation>[Ţĥé påššŵöŕđ ŵåš ŕéšéţ; ţéļļ ţĥé péŕšöñ îñ péŕšöñ, ñévéŕ bý émåîļ. ························]</translation>
        </message>
        <message>
            <source>Working… (protecting the password takes a moment)</source>
            <translation>[Ŵöŕķîñĝ… (pŕöţéçţîñĝ ţĥé påššŵöŕđ ţåķéš å möméñţ) ·················]</translation>
        </message>
        <message>
            <source>Remove {who}? They will no longer be able to sign in.</source>
            <translation>[Ŕémövé {who}? Ţĥéý ŵîļļ ñö ļöñĝéŕ bé åbļé ţö šîĝñ îñ. ···················]</translation>
        </message>
        <message>
            <source>{who} was removed.</source>
            <translation>[{who} ŵåš ŕémövéđ. ·····]</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>Save result</source>
            <translation>[Šåvé ŕéšûļţ ··]</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>[&amp;Šåvé]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çåñçéļ·]</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>[ÖĶ]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çļöšé]</translation>
        </message>
    </context>
    <context>
        <name>Worklist</name>
        <message>
            <source>Awaiting A1</source>
            <translation>[Åŵåîţîñĝ Å1 ··]</translation>
        </message>
        <message>
            <source>Long waits</source>
            <translation>[Ļöñĝ ŵåîţš ·]</translation>
        </message>
        <message>
            <source>A2 due</source>
            <translation>[Å2 đûé·]</translation>
        </message>
        <message>
            <source>A3 due</source>
            <translation>[Å3 đûé·]</translation>
        </message>
        <message>
            <source>Unfinished questionnaires</source>
            <translation>[Ûñfîñîšĥéđ qûéšţîöññåîŕéš ·······]</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>[Ţö ŕévîéŵ ·]</translation>
        </message>
        <message>
            <source>Goal reviews</source>
            <translation>[Ĝöåļ ŕévîéŵš ··]</translation>
        </message>
        <message>
            <source>Opt-outs to confirm</source>
            <translation>[Öpţ-öûţš ţö çöñfîŕm ·····]</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>[Ñö đåţé·]</translation>
        </message>
        <message>
            <source>Overdue by {n} day(s) ({date})</source>
            <translation>[Övéŕđûé bý {n} đåý(š) ({date}) ···········]</translation>
        </message>
        <message>
            <source>Today ({date})</source>
            <translation>[Ţöđåý ({date}) ···]</translation>
        </message>
        <message>
            <source>In {n} day(s) ({date})</source>
            <translation>[Îñ {n} đåý(š) ({date}) ·······]</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>[Đûé]</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>[Påţîéñţ·]</translation>
        </message>
        <message>
            <source>What</source>
            <translation>[Ŵĥåţ]</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>[Ŵĥý]</translation>
        </message>
        <message>
            <source>Worklist</source>
            <translation>[Ŵöŕķļîšţ ·]</translation>
        </message>
        <message>
            <source>Today at {clinic}</source>
            <translation>[Ţöđåý åţ {clinic} ····]</translation>
        </message>
        <message>
            <source>Who needs something, most urgent first. Double-click a row (or press Enter) to open the patient.</source>
            <translation>[Ŵĥö ñééđš šöméţĥîñĝ, möšţ ûŕĝéñţ fîŕšţ. Đöûbļé-çļîçķ å ŕöŵ (öŕ pŕéšš Éñţéŕ) ţö öpéñ ţĥé påţîéñţ. ····································]</translation>
        </message>
        <message>
            <source>This is a demo clinic: every patient in it is made up.</source>
            <translation>[Ţĥîš îš å đémö çļîñîç: évéŕý påţîéñţ îñ îţ îš måđé ûp. ···················]</translation>
        </message>
        <message>
            <source>Due this &amp;week only</source>
            <translation>[Đûé ţĥîš &amp;ŵééķ öñļý ·····]</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>[&amp;Ŕéfŕéšĥ ·]</translation>
        </message>
        <message>
            <source>Refresh the worklist</source>
            <translation>[Ŕéfŕéšĥ ţĥé ŵöŕķļîšţ ·····]</translation>
        </message>
        <message>
            <source>Worklist message</source>
            <translation>[Ŵöŕķļîšţ méššåĝé ····]</translation>
        </message>
        <message>
            <source>Worklist: who needs something</source>
            <translation>[Ŵöŕķļîšţ: ŵĥö ñééđš šöméţĥîñĝ ·········]</translation>
        </message>
        <message>
            <source>Loading the worklist…</source>
            <translation>[Ļöåđîñĝ ţĥé ŵöŕķļîšţ… ······]</translation>
        </message>
        <message>
            <source>All</source>
            <translation>[Åļļ]</translation>
        </message>
        <message>
            <source>Show only: {group}, {n} item(s)</source>
            <translation>[Šĥöŵ öñļý: {group}, {n} îţém(š) ···········]</translation>
        </message>
        <message>
            <source>Nothing here needs doing.</source>
            <translation>[Ñöţĥîñĝ ĥéŕé ñééđš đöîñĝ. ·······]</translation>
        </message>
        <message>
            <source>Nothing in this group.</source>
            <translation>[Ñöţĥîñĝ îñ ţĥîš ĝŕöûp. ······]</translation>
        </message>
        <message>
            <source>{n} more in this group are not listed: open the Patients page to see them all.</source>
            <translation>[{n} möŕé îñ ţĥîš ĝŕöûp åŕé ñöţ ļîšţéđ: öpéñ ţĥé Påţîéñţš påĝé ţö šéé ţĥém åļļ. ······························]</translation>
        </message>
    </context>
</TS>
