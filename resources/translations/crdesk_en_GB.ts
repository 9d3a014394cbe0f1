<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Accessible</name>
    <message>
        <source>Clear the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person manages staff accounts and exports. Each member of staff will have their own account. Use a password of at least 12 characters: a short sentence you will remember is a good choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: jsmith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password meets the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a longer or less common password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the same password in both boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted clinic database… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic is prepared. Next, save its recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The clinic was restored from its backup. Sign in with your user name and the password you had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk locked itself after {minutes} minute(s) without use. Enter your password to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentsPanel</name>
    <message>
        <source>Assessment 1 (before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 2 (end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 3 (12 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral and assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} clinical measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical measures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical measures at {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment: {treatment} {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred {date} by {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme: {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started, not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper: waiting for a colleague&apos;s checking entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper: differences to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every view and change of a record, sign-in and export, newest first. Entries cannot be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS or hospital no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;raw entries (action codes, ids and details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit search message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter dates as day/month/year, for example 31/03/2024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries (the newest 500)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupNotices</name>
    <message>
        <source>No off-laptop backup is set up: if this laptop is lost, every record goes with it. Choose a USB drive or network share in Backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder {destination} is not there (plug in the USB drive or connect the share). Last good off-laptop backup: {last_good}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} Last good off-laptop backup: {last_good}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No off-laptop backup for {days} days (last good: {last_good}). If this laptop is lost, the records since then are lost: plug in the backup drive, or choose another folder in Backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No off-laptop backup for {days} days (last good: {last_good}). If this laptop is lost, the records since then are lost: tell the clinic&apos;s admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup has been tested yet: use Test a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup test on {when}: passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup test on {when}: FAILED: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-laptop backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Backups page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Backups off the laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stolen or broken laptop takes its own backups with it. Choose a folder on a USB drive or a network share: crdesk writes an encrypted backup there on the schedule below, opens and checks each one, and keeps 7 daily, 4 weekly and 12 monthly backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save backup settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to the chosen folders now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or more folders away from this laptop&apos;s own disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folders problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While crdesk is open, and when someone signs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every day at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When someone &amp;signs out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn everyone after this many days without one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restores the newest off-laptop backup into a temporary folder, opens it with your password or the recovery key (as on a new laptop), compares it with the clinic, then deletes the copy. The clinic itself is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup test report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder on a USB drive or network share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up… crdesk stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the newest backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup test passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup test FAILED: see below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new backup now and test it again; keep the failed file for your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last good off-laptop backup: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Set up your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk keeps your clinic&apos;s records encrypted on this laptop. First, tell it which service this is. You can change these details later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: Riverside Cardiac Rehabilitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ODS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: RX1 or RX1AB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ODS code problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ODS code (your service&apos;s NHS organisation code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving to a new laptop, or replacing a lost one? Start from the clinic&apos;s backup instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a clinic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a clinic from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicSettingsPage</name>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s name appears on every screen and on patient reports. The ODS code identifies the clinic in NACR exports: change it only if NHS England&apos;s Organisation Data Service gave the service a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ODS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Call the cardiac rehab team on 0113 000 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact line on patient reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minute(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock crdesk after this long without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the clinic database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads every page of the encrypted database, checks its structure and the audit log&apos;s chain of entries. It changes nothing; on a large clinic it takes a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the clinic database now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking… crdesk stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found: see the report below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this file, restore the latest backup, and tell your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The new name shows in the header after you sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicalDialog</name>
    <message>
        <source>assessment 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical measures at {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard these measures?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measures you entered are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing to save them, or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the values marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If they are right, press Save again to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComboEditor</name>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmKeyPage</name>
    <message>
        <source>Type the recovery key back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be sure your copy is right, type the key from your paper. Dashes and spaces do not matter, and capital or small letters are both fine. Go Back if you need to see it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key, typed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 1A2B-3C4D-5E6F-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the recovery key shown on the previous page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back and check each group against your paper copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the carer or next of kin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For booking assessments. Contact details stay on this laptop: they are never sent to NACR or put in any export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0113 496 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferred contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House, street, town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interpreter needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter&apos;s &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carer or next of &amp;kin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carer&apos;s p&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This financial year to date ({dates})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last financial year ({dates})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter ({dates})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last quarter ({dates})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling 12 months ({dates})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}: row numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}: column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} patient(s). Double-click one to open the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients behind this figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the figures for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save service &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the service report as PDF or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nation (thresholds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 1: professions in the MDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI 7 threshold, percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI &amp;1 professions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI &amp;7 threshold (%):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the nation and KPI settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The figures below now use these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patients in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCP_CR rating: {rating}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a KPI to see the patients behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptake and times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPC charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled blue circles: special cause, improving. Orange diamonds: special cause, concerning. Dashed lines: process limits; dash-dot: the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a field to see the patients whose record lacks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records without {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the service report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;CSV tables (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the service report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service report was saved as {path} (small numbers suppressed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>What to do: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DifferencesView</name>
    <message>
        <source>Differences between the two entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the paper questionnaire. On each row press 1 to keep the first entry&apos;s answer or 2 to keep the second&apos;s. The questionnaire counts as complete only when every difference is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: first entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2: second entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} difference(s), {left} still to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Questionnaire entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient and assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: 1-9, 0, A-Z pick an answer · Enter next question · Page Down next section · Page Up previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next section ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry by {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking entry by {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolving differences ({user})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{family}, {given}&lt;/b&gt; · NHS number {nhs} · born {born}&lt;br&gt;&lt;b&gt;{kind}&lt;/b&gt; · {method} · answered {answered} · {which}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review answers ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the questions marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the answers marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If they are right, press Page Down (or Enter on the last question) again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First entry saved. A colleague now enters the same paper questionnaire again to check it; it counts once any differences are resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The questionnaire is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences resolved. The questionnaire is complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryEditors</name>
    <message>
        <source>No answer yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodeDialog</name>
    <message>
        <source>&amp;Initiating event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;reatment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discharge date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral &amp;source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ferral date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programme start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme e&amp;nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date first in&amp;vited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ris&amp;k stratification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode of delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions off&amp;ered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions &amp;attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for not starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for not completing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral and programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export for NACR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records for the national audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk checks every record first, then writes one file signed by this clinic and encrypted to the receiver. Patients who opted out of NACR are never exported. Only records new or changed since the last export go in the next batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export type: choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check records before exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add receiver certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the receiver&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Check records” to see what would be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export preview summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records not ready to export, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it cannot go yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a record, or select it and press Enter, to open the patient and complete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Records to complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the ready records to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save clinic certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the clinic&apos;s certificate for the receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier export batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue selected batch again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the selected batch again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier &amp;batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receiver certificate is set up: an identifiable export cannot be written until one is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted to: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will go, but: {warnings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Records to complete ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stage} %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: ready to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export package (*.p7m *.p7s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a batch in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} Saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate (*.pem *.crt *.cer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports will also be encrypted to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the clinic&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate (*.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s certificate was saved as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldGrid</name>
    <message>
        <source>Problem with {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} (old code, not in the list: choose again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the patient&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something you can measure, e.g. walk 30 minutes, 5 days a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurable &amp;target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsPanel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree goals with the patient at assessment 1; review them at assessment 2. Every review is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: agreed {date} by {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} ({when}, {user}): {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key opens the clinic&apos;s records if every password is forgotten or a file is lost. It is shown only once. Print it, or copy it by hand onto paper, and keep it in the clinic safe. Anyone with this key and the laptop can read the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {number}: {characters}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>crdesk — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to crdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} or {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic — synthetic data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as {names}, with the password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo password: {demo_password}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO CLINIC — synthetic data, not real patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>READ-ONLY: this clinic database is damaged, so nothing can be saved or exported. Keep this file as it is (copy the whole clinic folder somewhere safe), then restore the latest backup (&apos;crdesk restore&apos;, or ask your IT support). crdesk has not changed the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of recent changes (clinic.db-wal) is damaged too: changes saved after its damaged part are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private copy to read could not be made (the disk may be full), so the most recent changes may not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic: {clinic_name}, ODS code {ods_code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {username} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {username}, role {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now: your password is needed to carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This section cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Something went wrong inside crdesk, and nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it happens again, note the time and tell your IT support; the details are in crdesk&apos;s log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOut</name>
    <message>
        <source>chose “I do not want my information sent to the national audit”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked to talk to a member of staff first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient {choice} at the kiosk on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An opt-out was raised on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out to confirm. {how} Until it is confirmed or cleared, this patient is left out of every NACR export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (confirmed by {user} on {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out of NACR on {date}{by}. This patient is never exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out cleared by {user} on {date}: {reason}. This patient is included in NACR exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NACR opt-out recorded: this patient is included in NACR exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NACR opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm opt-out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear op&amp;t-out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record opt-o&amp;ut…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the NACR opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check with the patient that they do not want their information sent to the national audit, then enter the date they opted out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date the patient opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the NACR opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once cleared, this patient&apos;s record goes to NACR in the next export. Say why, for the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: patient changed their mind when we talked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention and disposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for NACR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperPrint</name>
    <message>
        <source>Print paper f&amp;orm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a blank paper questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment {n}: anonymous copy (reference only)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment {n}: named copy (name, date of birth, NHS number)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment {n}: anonymous, large print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment {n}: named, large print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the paper questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questionnaire was saved where you chose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientEditor</name>
    <message>
        <source>e.g. 943 476 5919</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ethnic category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. LS6 1AB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;P practice code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. A81001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientListView</name>
    <message>
        <source>Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, NHS or hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a patient by name, NHS number or hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show patients with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a patient, or select one and press Enter, to open the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital numbers are in each record: the list is too narrow for them at this text size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital numbers and each patient&apos;s status are in their record (“Show” still chooses patients by status; an opt-out is said under the name): the list is too narrow for them at this text size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient list cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown:,} of {total:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {shown} of {total} patients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message>
        <source>Save the copy of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the copy of the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was saved as {pdf} and {json} in {folder}. It holds everything about this patient: give it only to them, then delete it from this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the progress report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was sent to {printer} ({pages} pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the progress report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was saved in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was saved as {name} in the folder {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It shows the patient&apos;s name, date of birth and NHS number. Delete it when it has been printed or sent, or keep it in a folder only staff can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;ter questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter questionnaire for this patient (telephone, video or paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec&amp;ord…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict the record, or copy it for the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restr&amp;ict record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y of everything held (subject access)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral and &amp;assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;gress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goa&amp;ls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{event} - referred {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent to NACR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RESTRICTED: held back from exports and saved reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release restr&amp;iction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number {nhs}  ·  born {born}  ·  hospital number {hospital}  ·  {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start questionnaire ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient questionnaire screen is not available in this version of crdesk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>opted out of NACR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · opted out of NACR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}
Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 2; NACR window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 2; NACR window closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 3 (12 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the programme (wait threshold)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the NHS number against the referral letter. Add the referral after saving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Anxiety (HADS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depression (HADS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active minutes a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BMI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuttle walk (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-minute walk (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper BP (mmHg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waist (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart appears once two assessments have values to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each questionnaire was completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures at each assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one assessment has been recorded so far: the change appears once assessment 2 is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{better} better, {same} about the same, {worse} worse since assessment 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each questionnaire was completed: {modes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} done {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Restrict this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restricted record stays here and staff can still see it, but it is held back from every export to NACR and from every service report saved or shared, until it is released. Say why, for the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once released, the record goes to NACR in the next export and counts in saved service reports again. Say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the patient asked while they dispute their record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPrint</name>
    <message>
        <source>Print the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreClinic</name>
    <message>
        <source>crdesk — restore a clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a clinic from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a new or repaired laptop: bring the clinic&apos;s latest backup (from its USB drive or network share) and the recovery key from the clinic safe. Everyone then signs in with the passwords they had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Choose the backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Type the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 1A2B-3C4D-5E6F-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key printed when the clinic was set up, or at the last key rotation before the backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk backups (*.crbackup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: a whole backup, made {when} (crdesk {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring… this takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>Purge this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s details, referrals, answers, goals and contact details are removed for good. The audit log keeps its entries without a name, and the export ledger keeps what proves what was sent. The reason is kept: do not write the patient&apos;s name or numbers in it. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: retention period over, reviewed by the IG lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A purge needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why: the retention period is over, or the patient asked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention and disposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the default comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep records for (&amp;years after the last entry):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period in years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List records past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure asked for: NHS n&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number of the patient asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge on re&amp;quest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purge the chosen record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {n} years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking through the records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: last entry {last}, due since {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} record(s) past the retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record is past the retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{goal}
Target: {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how it went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did it &amp;go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped, what got in the way, what next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Check every answer against the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter on a row goes back to its section. Press Enter on Finish when every answer is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section not administered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish first entry (a colleague checks it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish second entry and compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish and save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <source>Section {n} of {count}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for not administering:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for skipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: this section was not administered; the reason is recorded with the questionnaire. Press Enter for the next section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped. Press Enter to go to the next section.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Step {step} of 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crdesk — set up your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel set-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffEditors</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffEntry</name>
    <message>
        <source>Assessment 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper questionnaire typed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person, staff reading the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the patient on the clinic laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffFormWidget</name>
    <message>
        <source>Problem with {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartEntryDialog</name>
    <message>
        <source>Enter a questionnaire for this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an assessment by telephone or video, in person with you reading the questions, or a paper questionnaire the patient filled in. An entry already started carries on where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A colleague will check it by entering it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How the answers were obtained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date the patient answered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language asked in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start entering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of this questionnaire was started by {user} ({method}, answered {date}); it carries on where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password (12 characters or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who can sign in to this clinic. Admins manage accounts, settings and exports; staff work with patients. Each person has their own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was reset; tell the person in person, never by email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working… (protecting the password takes a moment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {who}? They will no longer be able to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} was removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Awaiting A1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A2 due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A3 due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by {n} day(s) ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {n} day(s) ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today at {clinic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs something, most urgent first. Double-click a row (or press Enter) to open the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a demo clinic: every patient in it is made up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due this &amp;week only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist: who needs something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the worklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only: {group}, {n} item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here needs doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more in this group are not listed: open the Patients page to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
