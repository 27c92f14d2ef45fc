<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountListModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BriefingPane</name>
    <message numerus="yes">
        <source>%1 — a visit every %n day(s)</source>
        <translation>
            <numerusform>%1 — a visit every day</numerusform>
            <numerusform>%1 — a visit every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>%n minute left</numerusform>
            <numerusform>%n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>%n hour left</numerusform>
            <numerusform>%n hours left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n minute(s)</source>
        <translation>
            <numerusform>overdue by %n minute</numerusform>
            <numerusform>overdue by %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n hour(s)</source>
        <translation>
            <numerusform>overdue by %n hour</numerusform>
            <numerusform>overdue by %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>(%n more field(s) of this record after this one)</source>
        <translation>
            <numerusform>(%n more field of this record after this one)</numerusform>
            <numerusform>(%n more fields of this record after this one)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiskFullWords</name>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n change was sent</numerusform>
            <numerusform>%n changes were sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received</source>
        <translation>
            <numerusform>%n record was received</numerusform>
            <numerusform>%n records were received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) reached the server but could not be recorded here (the next sync confirms them)</source>
        <translation>
            <numerusform>%n more change reached the server but could not be recorded here (the next sync confirms it)</numerusform>
            <numerusform>%n more changes reached the server but could not be recorded here (the next sync confirms them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) reached the server but could not be recorded here (the next sync confirms them)</source>
        <translation>
            <numerusform>%n change reached the server but could not be recorded here (the next sync confirms it)</numerusform>
            <numerusform>%n changes reached the server but could not be recorded here (the next sync confirms them)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready to import</source>
        <translation>
            <numerusform>%n row ready to import</numerusform>
            <numerusform>%n rows ready to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors (not imported)</source>
        <translation>
            <numerusform>%n with errors (not imported)</numerusform>
            <numerusform>%n with errors (not imported)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in FieldApp</source>
        <translation>
            <numerusform>%n already in FieldApp</numerusform>
            <numerusform>%n already in FieldApp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n row imported.</numerusform>
            <numerusform>%n rows imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message numerus="yes">
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n unread item</numerusform>
            <numerusform>%n unread items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n visit report(s) to review</source>
        <translation>
            <numerusform>%n visit report to review</numerusform>
            <numerusform>%n visit reports to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) or rejected change(s)</source>
        <translation>
            <numerusform>%n conflict or rejected change</numerusform>
            <numerusform>%n conflicts or rejected changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n unread item</numerusform>
            <numerusform>%n unread items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenFormats</name>
    <message numerus="yes">
        <source>%n visit(s) saved to %1</source>
        <translation>
            <numerusform>%n visit saved to %1</numerusform>
            <numerusform>%n visits saved to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) saved to %1</source>
        <translation>
            <numerusform>%n contact saved to %1</numerusform>
            <numerusform>%n contacts saved to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n row saved to %1</numerusform>
            <numerusform>%n rows saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PendingChangesModel</name>
    <message numerus="yes">
        <source>Sent %n time(s) without an answer yet</source>
        <translation>
            <numerusform>Sent once without an answer yet</numerusform>
            <numerusform>Sent %n times without an answer yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) won</source>
        <translation>
            <numerusform>%n deal won</numerusform>
            <numerusform>%n deals won</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in the field</source>
        <translation>
            <numerusform>%n day in the field</numerusform>
            <numerusform>%n days in the field</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older than a week</source>
        <translation>
            <numerusform>%n older than a week</numerusform>
            <numerusform>%n older than a week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past due</source>
        <translation>
            <numerusform>%n past due</numerusform>
            <numerusform>%n past due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <source>all %n change(s) not yet sent</source>
        <translation>
            <numerusform>the %n change not yet sent</numerusform>
            <numerusform>all %n changes not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent (some could not be read)</source>
        <translation>
            <numerusform>%n change not yet sent (some could not be read)</numerusform>
            <numerusform>%n changes not yet sent (some could not be read)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit report(s) to review</source>
        <translation>
            <numerusform>%n visit report to review</numerusform>
            <numerusform>%n visit reports to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit report(s) not reviewed yet</source>
        <translation>
            <numerusform>%n visit report not reviewed yet</numerusform>
            <numerusform>%n visit reports not reviewed yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message numerus="yes">
        <source>%n change(s) have not been sent to the server yet. Sync first to send them.</source>
        <translation>
            <numerusform>%n change has not been sent to the server yet. Sync first to send it.</numerusform>
            <numerusform>%n changes have not been sent to the server yet. Sync first to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n unsent change(s)</source>
        <translation>
            <numerusform>Discard the unsent change</numerusform>
            <numerusform>Discard the %n unsent changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n needs your attention</numerusform>
            <numerusform>%n need your attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncNotifier</name>
    <message numerus="yes">
        <source>%n reply(ies) or review(s) of your reports</source>
        <translation>
            <numerusform>%n reply or review of your reports</numerusform>
            <numerusform>%n replies or reviews of your reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) pinned for your accounts</source>
        <translation>
            <numerusform>%n note pinned for your accounts</numerusform>
            <numerusform>%n notes pinned for your accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) for you</source>
        <translation>
            <numerusform>%n follow-up for you</numerusform>
            <numerusform>%n follow-ups for you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your follow-ups completed</source>
        <translation>
            <numerusform>%n of your follow-ups completed</numerusform>
            <numerusform>%n of your follow-ups completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your follow-ups taken on</source>
        <translation>
            <numerusform>%n of your follow-ups taken on</numerusform>
            <numerusform>%n of your follow-ups taken on</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) handed to you</source>
        <translation>
            <numerusform>%n lead handed to you</numerusform>
            <numerusform>%n leads handed to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) to your leads</source>
        <translation>
            <numerusform>%n answer to your leads</numerusform>
            <numerusform>%n answers to your leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) withdrawn</source>
        <translation>
            <numerusform>%n lead withdrawn</numerusform>
            <numerusform>%n leads withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on your hand-offs</source>
        <translation>
            <numerusform>%n comment on your hand-offs</numerusform>
            <numerusform>%n comments on your hand-offs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n change(s) wait to be sent, in this order.</source>
        <translation>
            <numerusform>%n change waits to be sent.</numerusform>
            <numerusform>%n changes wait to be sent, in this order.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekPlan</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkQueuePage</name>
    <message numerus="yes">
        <source>%n item(s) waiting on you or your team</source>
        <translation>
            <numerusform>%n item waiting on you or your team</numerusform>
            <numerusform>%n items waiting on you or your team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
</TS>
