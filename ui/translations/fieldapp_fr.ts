<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AcceptLeadDialog</name>
    <message>
        <source>Accept the lead — %1</source>
        <translation>Accepter la piste — %1</translation>
    </message>
    <message>
        <source>The visit goes into your plan; the inside rep hears at the next sync.</source>
        <translation>La visite s’ajoute à votre itinéraire&#xa0;; le représentant interne l’apprend à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Accept and plan</source>
        <translation>Accepter et planifier</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Prochaine visite</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n jour de retard</numerusform>
            <numerusform>%n jours de retard</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Planned %1</source>
        <translation>Prévue le %1</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>Jamais visité</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>À faire d&apos;ici le %1</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>À faire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>En retard depuis le %1</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Filter by name or city (Ctrl+L)</source>
        <translation>Filtrer par nom ou ville (Ctrl+L)</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message>
        <source>&amp;Due for a visit</source>
        <translation>&amp;Visites dues</translation>
    </message>
    <message>
        <source>Filter the accounts</source>
        <translation>Filtrer les comptes</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddNoteDialog</name>
    <message>
        <source>Add a note — %1</source>
        <translation>Ajouter une note — %1</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>Ctrl+Enter pour enregistrer</translation>
    </message>
    <message>
        <source>Pin for the field rep&apos;s next visit</source>
        <translation>Épingler pour la prochaine visite du représentant terrain</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>BriefingPane</name>
    <message>
        <source>Choose an account to read its briefing.</source>
        <translation>Choisissez un compte pour afficher sa fiche.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Prochaine visite</translation>
    </message>
    <message>
        <source>&amp;Plan visit…</source>
        <translation>&amp;Planifier une visite…</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>Signaler l&apos;arr&amp;ivée</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>Ajouter une &amp;note…</translation>
    </message>
    <message>
        <source>New &amp;contact…</source>
        <translation>Nouveau &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>&amp;Modifier le compte…</translation>
    </message>
    <message>
        <source>Check in to today&apos;s planned visit here, or start an unplanned visit</source>
        <translation>Signaler ici l&apos;arrivée pour la visite prévue aujourd&apos;hui, ou commencer une visite non planifiée</translation>
    </message>
    <message>
        <source>Pinned for the field</source>
        <translation>Épinglées pour le terrain</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun élément</translation>
    </message>
    <message>
        <source>Last visit reports</source>
        <translation>Derniers comptes rendus de visite</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Suivis ouverts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>Occasions ouvertes</translation>
    </message>
    <message numerus="yes">
        <source>%1 — a visit every %n day(s)</source>
        <translation>
            <numerusform>%1 — une visite tous les jours</numerusform>
            <numerusform>%1 — une visite tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>No address</source>
        <translation>Aucune adresse</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Aucun numéro de téléphone</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>Jamais visité</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 à %2 — %3</translation>
    </message>
    <message>
        <source>None planned</source>
        <translation>Aucune prévue</translation>
    </message>
    <message>
        <source>%1
(pinned on %2)</source>
        <translation>%1
(épinglée le %2)</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>révisé</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>pas encore révisé</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>Commentaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>une personne</translation>
    </message>
    <message>
        <source>%1 — for %2, due %3</source>
        <translation>%1 — pour %2, échéance le %3</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>clôture le %1</translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>%n minute restante</numerusform>
            <numerusform>%n minutes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>%n heure restante</numerusform>
            <numerusform>%n heures restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n jour restant</numerusform>
            <numerusform>%n jours restants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n minute(s)</source>
        <translation>
            <numerusform>en retard de %n minute</numerusform>
            <numerusform>en retard de %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n hour(s)</source>
        <translation>
            <numerusform>en retard de %n heure</numerusform>
            <numerusform>en retard de %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>en retard de %n jour</numerusform>
            <numerusform>en retard de %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n jour ouvrable</numerusform>
            <numerusform>%n jours ouvrables</numerusform>
        </translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>aujourd&apos;hui %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>demain %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>hier %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>waiting to sync (the clock starts on the server)</source>
        <translation>en attente de synchronisation (le délai part du serveur)</translation>
    </message>
    <message>
        <source>%1 · waiting to sync</source>
        <translation>%1 · en attente de synchronisation</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Comment on the hand-off</source>
        <translation>Commenter le transfert</translation>
    </message>
    <message>
        <source>Everyone on this hand-off will read it</source>
        <translation>Toutes les personnes de ce transfert le liront</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Écrivez d&apos;abord le commentaire.</translation>
    </message>
</context>
<context>
    <name>CompleteFollowUpDialog</name>
    <message>
        <source>Complete the follow-up</source>
        <translation>Terminer le suivi</translation>
    </message>
    <message>
        <source>What was done — the field rep will read it</source>
        <translation>Ce qui a été fait — le représentant terrain le lira</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Say what was done: the outcome goes back to whoever handed it over.</source>
        <translation>Dites ce qui a été fait&#xa0;: le résultat est renvoyé à la personne qui a transféré le suivi.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve a conflict</source>
        <translation>Résoudre un conflit</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>Send your value again, over the server&apos;s</source>
        <translation>Renvoyer votre valeur, à la place de celle du serveur</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendre la leur</translation>
    </message>
    <message>
        <source>Use the server&apos;s value; yours is dropped</source>
        <translation>Utiliser la valeur du serveur&#xa0;; la vôtre est abandonnée</translation>
    </message>
    <message>
        <source>&amp;Use merged value</source>
        <translation>&amp;Utiliser la valeur fusionnée</translation>
    </message>
    <message>
        <source>Send the value written in the merged box</source>
        <translation>Envoyer la valeur saisie dans la zone fusionnée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Mine (what you typed)</source>
        <translation>La mienne (ce que vous avez saisi)</translation>
    </message>
    <message>
        <source>Theirs (on the server now)</source>
        <translation>La leur (actuellement sur le serveur)</translation>
    </message>
    <message>
        <source>Base (before both changes)</source>
        <translation>Base (avant les deux modifications)</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Valeur fusionnée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Champ&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n more field(s) of this record after this one)</source>
        <translation>
            <numerusform>(encore %n champ de cette fiche après celui-ci)</numerusform>
            <numerusform>(encore %n champs de cette fiche après celui-ci)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
</context>
<context>
    <name>ConnectionPill</name>
    <message>
        <source>Database damaged</source>
        <translation>Base de données endommagée</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>FieldApp ran into a problem</source>
        <translation>FieldApp a rencontré un problème</translation>
    </message>
    <message>
        <source>Something unexpected happened. Your saved work is safe in the local database; if a form was open, its draft is kept.

%1

The details are in the log file in %2.</source>
        <translation>Un événement inattendu s&apos;est produit. Votre travail enregistré est en sécurité dans la base de données locale&#xa0;; si un formulaire était ouvert, son brouillon est conservé.

%1

Les détails se trouvent dans le fichier journal, dans %2.</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 rows saved to %2</source>
        <translation>%1 lignes enregistrées dans %2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Visits per week</source>
        <translation>Visites par semaine</translation>
    </message>
    <message>
        <source>Coverage per tier (accounts)</source>
        <translation>Couverture par niveau (comptes)</translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <source>%1 days or more</source>
        <translation>%1 jours ou plus</translation>
    </message>
    <message>
        <source>%1 to %2 days</source>
        <translation>%1 à %2 jours</translation>
    </message>
    <message>
        <source>Visits planned</source>
        <translation>Visites planifiées</translation>
    </message>
    <message>
        <source>%1 held · %2 not closed yet</source>
        <translation>%1 tenues · %2 pas encore closes</translation>
    </message>
    <message>
        <source>Visits held</source>
        <translation>Visites tenues</translation>
    </message>
    <message>
        <source>%1 of those planned</source>
        <translation>%1 des visites planifiées</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Client absent</translation>
    </message>
    <message>
        <source>Travel per day</source>
        <translation>Kilomètres par jour</translation>
    </message>
    <message>
        <source>%1 · %2 in all</source>
        <translation>%1 · %2 en tout</translation>
    </message>
    <message>
        <source>Travel per held visit</source>
        <translation>Kilomètres par visite tenue</translation>
    </message>
    <message>
        <source>Coverage, %1</source>
        <translation>Couverture, %1</translation>
    </message>
    <message>
        <source>%1 of %2 in time · %3 overdue</source>
        <translation>%1 sur %2 à temps · %3 en retard</translation>
    </message>
    <message>
        <source>Conversion within %1 days</source>
        <translation>Conversion en %1 jours</translation>
    </message>
    <message>
        <source>%1 of %2 held visits · %3 still open</source>
        <translation>%1 des %2 visites tenues · %3 encore ouvertes</translation>
    </message>
    <message>
        <source>Amount won</source>
        <translation>Montant gagné</translation>
    </message>
    <message>
        <source>+ %1 · %2</source>
        <translation>+ %1 · %2</translation>
    </message>
    <message>
        <source>Reports awaiting review</source>
        <translation>Comptes rendus à réviser</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Suivis ouverts</translation>
    </message>
    <message>
        <source>%1 on time</source>
        <translation>%1 à temps</translation>
    </message>
    <message>
        <source>%1 late · %2 overdue
median %3: %4</source>
        <translation>%1 en retard · %2 échus
médiane %3 : %4</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Back to the period running now</source>
        <translation>Revenir à la période en cours</translation>
    </message>
    <message>
        <source>Service levels…</source>
        <translation>Niveaux de service…</translation>
    </message>
    <message>
        <source>The teams&apos; SLA policies: what each owes, by when</source>
        <translation>Les ententes de service des équipes : ce que chacune doit, et pour quand</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Every figure as rows, as fieldapp kpi --csv</source>
        <translation>Tous les indicateurs en lignes, comme fieldapp kpi --csv</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Toute l&apos;organisation</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Équipe %1</translation>
    </message>
    <message>
        <source>    %1 (inside)</source>
        <translation>    %1 (interne)</translation>
    </message>
    <message>
        <source>    %1</source>
        <translation>    %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>As of %1 · computed at %2</source>
        <translation>État au %1 · calculé à %2</translation>
    </message>
    <message>
        <source>My figures · %1</source>
        <translation>Mes résultats · %1</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>Les indicateurs n&apos;ont pas pu être calculés : %1</translation>
    </message>
    <message>
        <source>Visits of the week of %1</source>
        <translation>Visites de la semaine du %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Service levels saved: they reach every laptop with its next sync.</source>
        <translation>Niveaux de service enregistrés : ils parviendront à chaque portable à sa prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>DashboardTables</name>
    <message>
        <source>Per rep</source>
        <translation>Par représentant</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <source>Breaches (%1)</source>
        <translation>Manquements (%1)</translation>
    </message>
    <message>
        <source>Overdue accounts (%1)</source>
        <translation>Comptes en retard (%1)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Représentant</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifiées</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Tenues</translation>
    </message>
    <message>
        <source>Held %</source>
        <translation>% tenues</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Client absent</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>km per day</source>
        <translation>km par jour</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>How late</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Échue depuis</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>En attente depuis</translation>
    </message>
    <message>
        <source>Reports awaiting review</source>
        <translation>Comptes rendus à réviser</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Suivis ouverts</translation>
    </message>
    <message>
        <source>Of which past due</source>
        <translation>Dont échus</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (still open)</source>
        <translation>%1 (toujours ouvert)</translation>
    </message>
    <message>
        <source>Follow-ups open (%1)</source>
        <translation>Suivis ouverts (%1)</translation>
    </message>
    <message>
        <source>Reports awaiting review (%1)</source>
        <translation>Comptes rendus à réviser (%1)</translation>
    </message>
    <message>
        <source>Visits of %1</source>
        <translation>Visites de %1</translation>
    </message>
    <message>
        <source>Visits of %1, week of %2</source>
        <translation>Visites de %1, semaine du %2</translation>
    </message>
    <message>
        <source>Breach: %1</source>
        <translation>Manquement : %1</translation>
    </message>
    <message>
        <source>Overdue account: %1</source>
        <translation>Compte en retard : %1</translation>
    </message>
</context>
<context>
    <name>DashboardWords</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>Week of %1 to %2</source>
        <translation>Semaine du %1 au %2</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Toute l&apos;organisation</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Équipe %1</translation>
    </message>
</context>
<context>
    <name>DayPriorities</name>
    <message>
        <source>Priorities for this day</source>
        <translation>Priorités de la journée</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Flagged by</source>
        <translation>Signalé par</translation>
    </message>
    <message>
        <source>On the route</source>
        <translation>À l’itinéraire</translation>
    </message>
    <message>
        <source>Add to &amp;route</source>
        <translation>A&amp;jouter à l’itinéraire</translation>
    </message>
    <message>
        <source>Plan a visit to the selected priority at the end of the day</source>
        <translation>Planifier une visite à la priorité choisie, en fin de journée</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Reading the records…</source>
        <translation>Lecture des fiches…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the chosen record where the app shows it</source>
        <translation>Ouvrir la fiche choisie là où l&apos;application la montre</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Edit account — %1</source>
        <translation>Modifier le compte — %1</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Tier default</source>
        <translation>Selon le niveau</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Visit every</source>
        <translation>Visiter tous les</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New follow-up</source>
        <translation>Nouveau suivi</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Ce qu&apos;il faut faire</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>FollowUpsEditor</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>&amp;Add a follow-up</source>
        <translation>&amp;Ajouter un suivi</translation>
    </message>
    <message>
        <source>%1 — for %2, due %3 (saved)</source>
        <translation>%1 — pour %2, échéance le %3 (enregistré)</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>Someone not on this laptop</source>
        <translation>Une personne inconnue sur cet ordinateur</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Ce qu&apos;il faut faire</translation>
    </message>
    <message>
        <source>Follow-up %1 title</source>
        <translation>Titre du suivi %1</translation>
    </message>
    <message>
        <source>Follow-up %1 is for</source>
        <translation>Destinataire du suivi %1</translation>
    </message>
    <message>
        <source>Follow-up %1 due date</source>
        <translation>Échéance du suivi %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>HandLeadAgainDialog</name>
    <message>
        <source>Hand the lead again</source>
        <translation>Transférer la piste de nouveau</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>Représentant terrain</translation>
    </message>
    <message>
        <source>The rep has the usual time to plan a visit from now.</source>
        <translation>Le représentant dispose du délai habituel, à partir de maintenant, pour planifier une visite.</translation>
    </message>
</context>
<context>
    <name>HandOverForm</name>
    <message>
        <source>Why this prospect is worth a visit now</source>
        <translation>Pourquoi ce prospect vaut une visite maintenant</translation>
    </message>
    <message>
        <source>Name, role, when to find them</source>
        <translation>Nom, fonction, quand le joindre</translation>
    </message>
    <message>
        <source>What the prospect was told to expect</source>
        <translation>Ce qu’on a annoncé au prospect</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>Représentant terrain</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Who to see</source>
        <translation>Qui rencontrer</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Ce qui a été promis</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This starts the team&apos;s clock: the first visit planned within %1 and held within %2 of the hand-off.</source>
        <translation>Le délai de l’équipe part alors&#xa0;: première visite planifiée dans les %1 et faite dans les %2 suivant le transfert.</translation>
    </message>
    <message>
        <source>Choose the field rep to hand the lead to.</source>
        <translation>Choisissez le représentant terrain à qui transférer la piste.</translation>
    </message>
    <message>
        <source>Say why: it is the first thing the field rep reads.</source>
        <translation>Dites pourquoi&#xa0;: c’est la première chose que lit le représentant terrain.</translation>
    </message>
</context>
<context>
    <name>HandOverLeadDialog</name>
    <message>
        <source>Hand over to a field rep — %1</source>
        <translation>Transférer à un représentant terrain — %1</translation>
    </message>
</context>
<context>
    <name>HandOverProspectDialog</name>
    <message>
        <source>Hand over a new prospect</source>
        <translation>Transférer un nouveau prospect</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Give the prospect&apos;s name.</source>
        <translation>Indiquez le nom du prospect.</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>waiting to sync</source>
        <translation>en attente de synchronisation</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No step yet: the server writes them as they reach it.</source>
        <translation>Aucune étape encore&#xa0;: le serveur les inscrit à mesure qu’elles lui parviennent.</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>All items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Non lus seulement</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rétroaction</translation>
    </message>
    <message>
        <source>Pinned notes</source>
        <translation>Notes épinglées</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Pistes</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Mark every item the filter shows read</source>
        <translation>Marquer comme lus tous les éléments que le filtre affiche</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the account this is about (Enter)</source>
        <translation>Ouvrir le compte concerné (Entrée)</translation>
    </message>
    <message>
        <source>Mark read or unread</source>
        <translation>Marquer comme lu ou non lu</translation>
    </message>
    <message numerus="yes">
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n élément non lu</numerusform>
            <numerusform>%n éléments non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here with this filter. Choose “All items” and “Every kind” to see the rest of your inbox.</source>
        <translation>Rien avec ce filtre. Choisissez «&#xa0;Tous les éléments&#xa0;» et «&#xa0;Tous les types&#xa0;» pour voir le reste de votre boîte de réception.</translation>
    </message>
    <message>
        <source>Nothing new in the last 30 days.

Feedback on your visit reports, notes pinned for your accounts, leads and follow-ups handed to you, and the answers to what you handed over appear here after each sync.</source>
        <translation>Rien de nouveau depuis 30 jours.

La rétroaction sur vos rapports de visite, les notes épinglées pour vos comptes, les pistes et les suivis qui vous sont confiés, et les réponses à ce que vous avez confié apparaissent ici après chaque synchronisation.</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>From %1, %2</source>
        <translation>De %1, %2</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <source>Mark read or unread (M)</source>
        <translation>Marquer comme lu ou non lu (M)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Order placed</source>
        <translation>Commande passée</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>No outcome</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Arrivée signalée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Client absent</translation>
    </message>
    <message>
        <source>Inside team</source>
        <translation>Équipe interne</translation>
    </message>
    <message>
        <source>Field team</source>
        <translation>Équipe terrain</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Niveau %1</translation>
    </message>
    <message>
        <source>Prospecting</source>
        <translation>Prospection</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <source>Closed — won</source>
        <translation>Fermée — gagnée</translation>
    </message>
    <message>
        <source>Closed — lost</source>
        <translation>Fermée — perdue</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Your lead was returned</source>
        <translation>Votre piste a été renvoyée</translation>
    </message>
    <message>
        <source>Your lead was accepted</source>
        <translation>Votre piste a été acceptée</translation>
    </message>
    <message>
        <source>New feedback on your report</source>
        <translation>Nouvelle rétroaction sur votre rapport</translation>
    </message>
    <message>
        <source>Note pinned for you</source>
        <translation>Note épinglée pour vous</translation>
    </message>
    <message>
        <source>Lead handed to you</source>
        <translation>Piste qui vous est confiée</translation>
    </message>
    <message>
        <source>Lead withdrawn</source>
        <translation>Piste retirée</translation>
    </message>
    <message>
        <source>Follow-up handed to you</source>
        <translation>Suivi qui vous est confié</translation>
    </message>
    <message>
        <source>Your follow-up was taken on</source>
        <translation>Votre suivi a été pris en charge</translation>
    </message>
    <message>
        <source>Your follow-up was completed</source>
        <translation>Votre suivi est terminé</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Nouveau commentaire</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Inside rep</source>
        <translation>Représentant interne</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <source>the inside team</source>
        <translation>l&apos;équipe interne</translation>
    </message>
    <message>
        <source>the field team</source>
        <translation>l&apos;équipe terrain</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>Réassigné</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Renvoyée</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Pris en charge</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Remis à l&apos;équipe</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Rouvert</translation>
    </message>
    <message>
        <source>Report to review</source>
        <translation>Compte rendu à réviser</translation>
    </message>
    <message>
        <source>Report to write</source>
        <translation>Compte rendu à rédiger</translation>
    </message>
    <message>
        <source>Lead: plan the visit</source>
        <translation>Piste&#xa0;: planifier la visite</translation>
    </message>
    <message>
        <source>Lead: hold the visit</source>
        <translation>Piste&#xa0;: faire la visite</translation>
    </message>
    <message>
        <source>Lead returned</source>
        <translation>Piste renvoyée</translation>
    </message>
    <message>
        <source>Reports written</source>
        <translation>Comptes rendus écrits</translation>
    </message>
    <message>
        <source>Reports reviewed</source>
        <translation>Comptes rendus révisés</translation>
    </message>
    <message>
        <source>Leads: visit planned</source>
        <translation>Pistes : visite planifiée</translation>
    </message>
    <message>
        <source>Leads: visit held</source>
        <translation>Pistes : visite tenue</translation>
    </message>
    <message>
        <source>Follow-ups handled</source>
        <translation>Suivis traités</translation>
    </message>
    <message>
        <source>visit end → report</source>
        <translation>fin de visite → compte rendu</translation>
    </message>
    <message>
        <source>report → review</source>
        <translation>compte rendu → révision</translation>
    </message>
    <message>
        <source>hand-off → visit planned</source>
        <translation>transfert → visite planifiée</translation>
    </message>
    <message>
        <source>hand-off → first visit</source>
        <translation>transfert → première visite</translation>
    </message>
    <message>
        <source>handed → handled</source>
        <translation>transféré → traité</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>jours ouvrables</translation>
    </message>
    <message>
        <source>Québec (Montréal time)</source>
        <translation>Québec (heure de Montréal)</translation>
    </message>
    <message>
        <source>France (Paris time)</source>
        <translation>France (heure de Paris)</translation>
    </message>
    <message>
        <source>Belgium (Brussels time)</source>
        <translation>Belgique (heure de Bruxelles)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>Pas encore close</translation>
    </message>
    <message>
        <source>Visited in time</source>
        <translation>Visité à temps</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation>Pas encore dû</translation>
    </message>
    <message>
        <source>Followed by a won deal</source>
        <translation>Suivie d&apos;une vente gagnée</translation>
    </message>
    <message>
        <source>Window still open</source>
        <translation>Délai encore ouvert</translation>
    </message>
    <message>
        <source>No won deal</source>
        <translation>Aucune vente gagnée</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>À temps</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Échu</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>Compté comme</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Représentant</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Team agreement</source>
        <translation>Entente d&apos;équipe</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Piste</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Hand-off step</source>
        <translation>Étape de transfert</translation>
    </message>
    <message>
        <source>Read mark</source>
        <translation>Marque de lecture</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Visit every (days)</source>
        <translation>Fréquence de visite (jours)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Date de clôture</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Début prévu</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Fin prévue</translation>
    </message>
    <message>
        <source>Place in the route</source>
        <translation>Position dans l&apos;itinéraire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Checked in at</source>
        <translation>Heure d&apos;arrivée</translation>
    </message>
    <message>
        <source>Checked out at</source>
        <translation>Heure de départ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Prochaines étapes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Pinned for the field</source>
        <translation>Épinglée pour le terrain</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>Révisé le</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>Représentant terrain</translation>
    </message>
    <message>
        <source>Contacts met</source>
        <translation>Contacts rencontrés</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>En réponse à</translation>
    </message>
    <message>
        <source>Arrived at</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Pinned at</source>
        <translation>Épinglé le</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>Transféré à</translation>
    </message>
    <message>
        <source>From the visit</source>
        <translation>Issu de la visite</translation>
    </message>
    <message>
        <source>From the note</source>
        <translation>Issu de la note</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Pris en charge par</translation>
    </message>
    <message>
        <source>Claimed at</source>
        <translation>Pris en charge le</translation>
    </message>
    <message>
        <source>Handed at</source>
        <translation>Transféré le</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Compte rendu de visite</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Révisé par</translation>
    </message>
    <message>
        <source>Handed by</source>
        <translation>Transféré par</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Who to see</source>
        <translation>Qui rencontrer</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Ce qui a été promis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>Acceptée le</translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation>Renvoyée le</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Flagged by</source>
        <translation>Signalé par</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>To the team</source>
        <translation>À l&apos;équipe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>Type d&apos;élément</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Allowances</source>
        <translation>Délais</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sending your changes and receiving others&apos;.</source>
        <translation>Envoi de vos modifications et réception de celles des autres.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Changes are sent as you save them.</source>
        <translation>Les modifications sont envoyées dès que vous les enregistrez.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Changes are kept here and sent when the server answers.</source>
        <translation>Les modifications sont conservées ici et envoyées dès que le serveur répond.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Sign in again to sync; changes are kept here meanwhile.</source>
        <translation>Reconnectez-vous pour synchroniser&#xa0;; d&apos;ici là, les modifications sont conservées ici.</translation>
    </message>
    <message>
        <source>Connection not checked yet</source>
        <translation>Connexion pas encore vérifiée</translation>
    </message>
    <message>
        <source>Changes are kept here and sent at the next sync.</source>
        <translation>Les modifications sont conservées ici et envoyées à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>LeadPanel</name>
    <message>
        <source>Lead handed over</source>
        <translation>Piste transférée</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Who to see</source>
        <translation>Qui rencontrer</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Ce qui a été promis</translation>
    </message>
    <message>
        <source>&amp;Accept and plan the visit…</source>
        <translation>&amp;Accepter et planifier la visite…</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>Ren&amp;voyer…</translation>
    </message>
    <message>
        <source>Give the lead back to the inside team, saying why</source>
        <translation>Rendre la piste à l’équipe interne, en disant pourquoi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Handed to you by %1: plan a visit, or return it.</source>
        <translation>Transférée par %1&#xa0;: planifiez une visite ou renvoyez-la.</translation>
    </message>
    <message>
        <source>Handed to %1 by %2, waiting for their answer.</source>
        <translation>Transférée à %1 par %2, en attente de sa réponse.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>le %1 à %2</translation>
    </message>
    <message>
        <source>Accepted by %1: visit planned %2.</source>
        <translation>Acceptée par %1&#xa0;: visite planifiée %2.</translation>
    </message>
    <message>
        <source>Accepted by %1.</source>
        <translation>Acceptée par %1.</translation>
    </message>
    <message>
        <source>Returned by %1: %2</source>
        <translation>Renvoyée par %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 (waiting to sync)</source>
        <translation>%1 (en attente de synchronisation)</translation>
    </message>
    <message>
        <source>%1: the clock starts when the server has the hand-off.</source>
        <translation>%1&#xa0;: le délai part quand le serveur a reçu le transfert.</translation>
    </message>
    <message>
        <source>%1: done on time.</source>
        <translation>%1&#xa0;: fait à temps.</translation>
    </message>
    <message>
        <source>%1: done, %2.</source>
        <translation>%1&#xa0;: fait, %2.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>%1 — due %2 · %3 · owed by %4</source>
        <translation>%1 — échéance %2 · %3 · dû par %4</translation>
    </message>
    <message>
        <source>Accepted: the visit is in your plan; the inside rep hears at the next sync.</source>
        <translation>Acceptée&#xa0;: la visite est à votre itinéraire&#xa0;; le représentant interne l’apprend à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Returned: the inside rep reads your reason after the next sync.</source>
        <translation>Renvoyée&#xa0;: le représentant interne lira votre raison après la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldApp — %1</source>
        <translation>FieldApp — %1</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Se déconnecter…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>My figures</source>
        <translation>Mes résultats</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>À réviser</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n visit report(s) to review</source>
        <translation>
            <numerusform>%n compte rendu de visite à réviser</numerusform>
            <numerusform>%n comptes rendus de visite à réviser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) or rejected change(s)</source>
        <translation>
            <numerusform>%n conflit ou modification refusée</numerusform>
            <numerusform>%n conflits ou modifications refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread item(s)</source>
        <translation>
            <numerusform>%n élément non lu</numerusform>
            <numerusform>%n éléments non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>FieldApp</source>
        <translation>FieldApp</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <source>New contact — %1</source>
        <translation>Nouveau contact — %1</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PendingChangesModel</name>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente depuis</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n time(s) without an answer yet</source>
        <translation>
            <numerusform>Envoyée %n fois, toujours sans réponse</numerusform>
            <numerusform>Envoyée %n fois, toujours sans réponse</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Pas encore envoyée</translation>
    </message>
</context>
<context>
    <name>PinNoteDialog</name>
    <message>
        <source>Pin a note for the field</source>
        <translation>Épingler une note pour le terrain</translation>
    </message>
    <message>
        <source>Note for the next visit</source>
        <translation>Note pour la prochaine visite</translation>
    </message>
</context>
<context>
    <name>PlanAdditions</name>
    <message>
        <source>D&amp;ue for a visit</source>
        <translation>&amp;Visites dues</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>Ajouter à l&apos;itinéraire</translation>
    </message>
    <message>
        <source>Add the selected account at the end of the day</source>
        <translation>Ajouter le compte sélectionné à la fin de la journée</translation>
    </message>
    <message>
        <source>Account name or city</source>
        <translation>Nom du compte ou ville</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Ajouter un &amp;compte…</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Every account is visited on time.</source>
        <translation>Tous les comptes sont visités dans les délais.</translation>
    </message>
    <message>
        <source>never visited</source>
        <translation>jamais visité</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>visite à faire aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n jour de retard</numerusform>
            <numerusform>%n jours de retard</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No account matches “%1”</source>
        <translation>Aucun compte ne correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>This account has no map position: no distance to it.</source>
        <translation>Ce compte n&apos;a pas de position sur la carte&#xa0;: aucune distance calculée.</translation>
    </message>
    <message>
        <source>First stop of the day</source>
        <translation>Premier arrêt de la journée</translation>
    </message>
    <message>
        <source>As the crow flies from the previous stop</source>
        <translation>À vol d&apos;oiseau depuis l&apos;arrêt précédent</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <source>Plan a visit — %1</source>
        <translation>Planifier une visite — %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) won</source>
        <translation>
            <numerusform>%n vente gagnée</numerusform>
            <numerusform>%n ventes gagnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in the field</source>
        <translation>
            <numerusform>%n jour sur le terrain</numerusform>
            <numerusform>%n jours sur le terrain</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older than a week</source>
        <translation>
            <numerusform>%n de plus d&apos;une semaine</numerusform>
            <numerusform>%n de plus d&apos;une semaine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past due</source>
        <translation>
            <numerusform>%n échu</numerusform>
            <numerusform>%n échus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Flag as a priority — %1</source>
        <translation>Signaler comme priorité — %1</translation>
    </message>
    <message>
        <source>One line the rep reads on Today</source>
        <translation>Une ligne que le représentant lit dans Aujourd’hui</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>Représentant terrain</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Flag as priority</source>
        <translation>Signaler comme priorité</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove a priority you flagged</source>
        <translation>Retirer une priorité que vous avez signalée</translation>
    </message>
    <message>
        <source>None flagged from today on.</source>
        <translation>Aucune priorité à partir d’aujourd’hui.</translation>
    </message>
    <message>
        <source>Already flagged for this account</source>
        <translation>Déjà signalées pour ce compte</translation>
    </message>
    <message>
        <source>Choose the field rep whose day it is.</source>
        <translation>Choisissez le représentant terrain dont c’est la journée.</translation>
    </message>
    <message>
        <source>Say why in one line: the rep reads it on Today.</source>
        <translation>Dites pourquoi en une ligne&#xa0;: le représentant la lit dans Aujourd’hui.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 (flagged by %4)</source>
        <translation>%1 · %2 · %3 (signalée par %4)</translation>
    </message>
</context>
<context>
    <name>ReassignFollowUpDialog</name>
    <message>
        <source>Reassign the follow-up</source>
        <translation>Réassigner le suivi</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>It stays due when it was: a reassignment is not an answer.</source>
        <translation>L&apos;échéance ne change pas&#xa0;: réassigner n&apos;est pas répondre.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>FieldApp — damaged database</source>
        <translation>FieldApp — base de données endommagée</translation>
    </message>
    <message>
        <source>The database that holds your FieldApp data on this computer is damaged, so the app has stopped using it. Save what can still be read (changes not yet sent come first), or put back a backup; nothing has been deleted.</source>
        <translation>La base de données qui contient vos données FieldApp sur cet ordinateur est endommagée&#xa0;; l’application a donc cessé de l’utiliser. Sauvegardez ce qui peut encore être lu (les changements pas encore envoyés d’abord) ou remettez une copie de sécurité en place&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>The file: %1</source>
        <translation>Le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save what can be read…</source>
        <translation>Sauvegarder ce qui peut être lu…</translation>
    </message>
    <message>
        <source>Backups taken before updates of the database:</source>
        <translation>Copies de sécurité prises avant les mises à jour de la base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Put this backup back</source>
        <translation>Remettre cette copie en place</translation>
    </message>
    <message>
        <source>The damaged database is kept beside it, renamed; changes synced since the backup come back with the next sync.</source>
        <translation>La base endommagée est conservée à côté, renommée&#xa0;; les changements synchronisés depuis la copie reviennent à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Quit FieldApp</source>
        <translation>Quitter FieldApp</translation>
    </message>
    <message>
        <source>The recovery tool could not be started.</source>
        <translation>L’outil de récupération n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Where to save what can be read</source>
        <translation>Où sauvegarder ce qui peut être lu</translation>
    </message>
    <message>
        <source>Saving what can be read…</source>
        <translation>Sauvegarde de ce qui peut être lu…</translation>
    </message>
    <message>
        <source>Nothing could be saved: %1</source>
        <translation>Rien n’a pu être sauvegardé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>all %n change(s) not yet sent</source>
        <translation>
            <numerusform>le %n changement pas encore envoyé</numerusform>
            <numerusform>les %n changements pas encore envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent (some could not be read)</source>
        <translation>
            <numerusform>%n changement pas encore envoyé (certains n’ont pas pu être lus)</numerusform>
            <numerusform>%n changements pas encore envoyés (certains n’ont pas pu être lus)</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 rows of %2 tables, %3, to %4.</source>
        <translation>%1 lignes de %2 tables sauvegardées, %3, dans %4.</translation>
    </message>
    <message>
        <source>Some rows could not be read: export-summary.json lists them.</source>
        <translation>Certaines lignes n’ont pas pu être lues&#xa0;: export-summary.json les énumère.</translation>
    </message>
    <message>
        <source>The backup of %1 is back in place; the damaged database was kept beside it. Changes synced since the backup come back with the next sync.</source>
        <translation>La copie du %1 est remise en place&#xa0;; la base endommagée a été conservée à côté. Les changements synchronisés depuis la copie reviennent à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>No backup yet: FieldApp takes one before each update of the database.</source>
        <translation>Aucune copie de sécurité pour l’instant&#xa0;: FieldApp en prend une avant chaque mise à jour de la base de données.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>the database set aside by an earlier restore</source>
        <translation>la base mise de côté par une remise en place précédente</translation>
    </message>
    <message>
        <source>taken before an update of the database</source>
        <translation>prise avant une mise à jour de la base de données</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Putting the backup back…</source>
        <translation>Remise en place de la copie…</translation>
    </message>
    <message>
        <source>The backup could not be put back: %1</source>
        <translation>La copie n’a pas pu être remise en place&#xa0;: %1</translation>
    </message>
    <message>
        <source>FieldApp can open again, on the backup.</source>
        <translation>FieldApp peut rouvrir, sur la copie de sécurité.</translation>
    </message>
    <message>
        <source>Open FieldApp</source>
        <translation>Ouvrir FieldApp</translation>
    </message>
</context>
<context>
    <name>RejectionDialog</name>
    <message>
        <source>A change the server refused</source>
        <translation>Une modification refusée par le serveur</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The server refused it: %1</source>
        <translation>Le serveur l&apos;a refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Refused on %1</source>
        <translation>Refusée le %1</translation>
    </message>
    <message>
        <source>Correct the change, then retry</source>
        <translation>Corrigez la modification, puis réessayez</translation>
    </message>
    <message>
        <source>A refused deletion cannot be sent again. Discard it to get the record back as the server has it.</source>
        <translation>Une suppression refusée ne peut pas être renvoyée. Abandonnez-la pour retrouver la fiche telle qu&apos;elle est sur le serveur.</translation>
    </message>
    <message>
        <source>Nothing here can be corrected: retry the change as it was, or discard it.</source>
        <translation>Rien ici ne peut être corrigé&#xa0;: réessayez la modification telle quelle, ou abandonnez-la.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Send the change again with these values</source>
        <translation>Renvoyer la modification avec ces valeurs</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Abandonner…</translation>
    </message>
    <message>
        <source>Give the change up; the server&apos;s values stay</source>
        <translation>Abandonner la modification&#xa0;; les valeurs du serveur sont conservées</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Discard this new record? It is removed from this computer and what was typed in it is lost.</source>
        <translation>Abandonner cette nouvelle fiche&#xa0;? Elle sera retirée de cet ordinateur et ce qui y a été saisi sera perdu.</translation>
    </message>
    <message>
        <source>Discard this change? The values typed are lost and the record goes back to what the server has.</source>
        <translation>Abandonner cette modification&#xa0;? Les valeurs saisies seront perdues et la fiche reviendra à la version du serveur.</translation>
    </message>
    <message>
        <source>Discard this deletion? The record comes back as the server has it.</source>
        <translation>Abandonner cette suppression&#xa0;? La fiche reviendra telle qu&apos;elle est sur le serveur.</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Abandonner la modification</translation>
    </message>
</context>
<context>
    <name>RejectionsModel</name>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Motif du serveur</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée le</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Choose the outcome…</source>
        <translation>Choisissez le résultat…</translation>
    </message>
    <message>
        <source>What was said, what was agreed</source>
        <translation>Ce qui a été dit, ce qui a été convenu</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Ce qui va suivre</translation>
    </message>
    <message>
        <source>No open opportunity at this account.</source>
        <translation>Aucune occasion ouverte pour ce compte.</translation>
    </message>
    <message>
        <source>Contacts &amp;met</source>
        <translation>&amp;Contacts rencontrés</translation>
    </message>
    <message>
        <source>Out&amp;come</source>
        <translation>&amp;Résultat</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>Rés&amp;umé</translation>
    </message>
    <message>
        <source>&amp;Next steps</source>
        <translation>&amp;Prochaines étapes</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Occasions</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>contact&apos;s name — job title</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose how the visit went.</source>
        <translation>Indiquez comment s&apos;est passée la visite.</translation>
    </message>
    <message>
        <source>Write a summary: the inside team reads it.</source>
        <translation>Rédigez un résumé&#xa0;: l&apos;équipe interne le lira.</translation>
    </message>
    <message>
        <source>Give each follow-up a title.</source>
        <translation>Donnez un titre à chaque suivi.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule the visit to %1</source>
        <translation>Replanifier la visite chez %1</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Heure</translation>
    </message>
</context>
<context>
    <name>ReturnLeadDialog</name>
    <message>
        <source>Return the lead — %1</source>
        <translation>Renvoyer la piste — %1</translation>
    </message>
    <message>
        <source>Why you return it — the inside rep will read it</source>
        <translation>Pourquoi vous la renvoyez — le représentant interne le lira</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Say why you return it: the inside rep needs the reason.</source>
        <translation>Dites pourquoi vous la renvoyez&#xa0;: le représentant interne a besoin de la raison.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>All reps</source>
        <translation>Tous les représentants</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Dernier jour</numerusform>
            <numerusform>%n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>Feedback for the field rep…</source>
        <translation>Commentaire pour le représentant terrain…</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme révisé</translation>
    </message>
    <message>
        <source>Mark reviewed and go to the next (Ctrl+Enter)</source>
        <translation>Marquer comme révisé et passer au suivant (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Send feedback</source>
        <translation>Envoyer le commentaire</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>Nouveau suivi…</translation>
    </message>
    <message>
        <source>Pin note for the field…</source>
        <translation>Épingler une note pour le terrain…</translation>
    </message>
    <message>
        <source>Open account</source>
        <translation>Ouvrir le compte</translation>
    </message>
    <message>
        <source>Visit reports are reviewed by the inside team; here you can read them, add a follow-up and open the account.</source>
        <translation>Les rapports de visite sont révisés par l’équipe interne&#xa0;; ici, vous pouvez les lire, ajouter un suivi et ouvrir le compte.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit report(s) to review</source>
        <translation>
            <numerusform>%n compte rendu de visite à réviser</numerusform>
            <numerusform>%n comptes rendus de visite à réviser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit report(s) not reviewed yet</source>
        <translation>
            <numerusform>%n compte rendu à réviser</numerusform>
            <numerusform>%n comptes rendus à réviser</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Rien à réviser.</translation>
    </message>
    <message>
        <source>%1 (tier %2, %3) — %4 — %5</source>
        <translation>%1 (niveau %2, %3) — %4 — %5</translation>
    </message>
    <message>
        <source>Next steps: %1</source>
        <translation>Prochaines étapes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Téléphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pinned: %1</source>
        <translation>Épinglée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open follow-up: %1 (due %2)</source>
        <translation>Suivi ouvert&#xa0;: %1 (échéance le %2)</translation>
    </message>
    <message>
        <source>Marked reviewed: %1</source>
        <translation>Marqué comme révisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Feedback saved; it will be sent to %1 at the next sync.</source>
        <translation>Commentaire enregistré&#xa0;; il sera envoyé à %1 à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Feedback sent to %1.</source>
        <translation>Commentaire envoyé à %1.</translation>
    </message>
    <message>
        <source>The server refused the feedback to %1: see the Sync page.</source>
        <translation>Le serveur a refusé le commentaire à %1&#xa0;: voyez la page Synchronisation.</translation>
    </message>
</context>
<context>
    <name>RouteTable</name>
    <message>
        <source>Open visit</source>
        <translation>Ouvrir la visite</translation>
    </message>
    <message>
        <source>Open account briefing</source>
        <translation>Ouvrir la fiche du compte</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Déplacer plus tôt</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Déplacer plus tard</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Replanifier…</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>Annuler la visite…</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search accounts, contacts and notes (Ctrl+K)</source>
        <translation>Rechercher des comptes, contacts et notes (Ctrl+K)</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsDialog</name>
    <message>
        <source>Service levels</source>
        <translation>Niveaux de service</translation>
    </message>
    <message>
        <source>What each team owes the other, and by when. Hours count nights and weekends; working days skip weekends and the region&apos;s public holidays. Saved changes reach every laptop with its next sync.</source>
        <translation>Ce que chaque équipe doit à l&apos;autre, et pour quand. Les heures comptent les nuits et les fins de semaine; les jours ouvrables sautent les fins de semaine et les jours fériés de la région. Les changements enregistrés parviennent à chaque portable à sa prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>No team in this profile has a service level to set.</source>
        <translation>Aucune équipe de ce profil n&apos;a de niveau de service à régler.</translation>
    </message>
    <message>
        <source>%1: an allowance is from 1 to %2 %3 (not %4). Nothing was saved.</source>
        <translation>%1 : un délai va de 1 à %2 %3 (pas %4). Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Only when I ask (F5)</source>
        <translation>Seulement à ma demande (F5)</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Chaque minute</numerusform>
            <numerusform>Toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <source>Tell me when a sync brings something for me</source>
        <translation>M’avertir quand une synchronisation apporte du nouveau pour moi</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Se déconnecter…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Synchroniser automatiquement</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Not signed in to a server</source>
        <translation>Non connecté à un serveur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Choisir le dossier de données</translation>
    </message>
    <message>
        <source>FieldApp opens this folder the next time it starts.</source>
        <translation>FieldApp ouvrira ce dossier au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to FieldApp</source>
        <translation>Se connecter à FieldApp</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>Le nom d’utilisateur ou le mot de passe est erroné.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your connection, then try again.</source>
        <translation>Impossible de joindre le serveur à %1. Vérifiez l’adresse et votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly. Details are in the log file.</source>
        <translation>La connexion a échoué de façon inattendue. Les détails sont dans le fichier journal.</translation>
    </message>
    <message>
        <source>Give the server address, your username and password.</source>
        <translation>Indiquez l&apos;adresse du serveur, votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>This computer has no secure password store (keyring), so FieldApp cannot remember your sign-in: it will ask for your password when it syncs after a restart.</source>
        <translation>Cet ordinateur n’a pas de trousseau sécurisé pour les mots de passe&#xa0;; FieldApp ne peut donc pas mémoriser votre connexion&#xa0;: il vous demandera votre mot de passe pour synchroniser après un redémarrage.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <translation>Vous êtes connecté en tant que %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been sent to the server yet. Sync first to send them.</source>
        <translation>
            <numerusform>%n modification n&apos;a pas encore été envoyée au serveur. Synchronisez d&apos;abord pour l&apos;envoyer.</numerusform>
            <numerusform>%n modifications n&apos;ont pas encore été envoyées au serveur. Synchronisez d&apos;abord pour les envoyer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Also remove this laptop&apos;s copy of the accounts, visits and notes</source>
        <translation>Supprimer aussi la copie des comptes, visites et notes sur cet ordinateur</translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n unsent change(s)</source>
        <translation>
            <numerusform>Abandonner la modification non envoyée</numerusform>
            <numerusform>Abandonner les %n modifications non envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync first</source>
        <translation>Synchroniser d&apos;abord</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this sync; what was received stays saved</source>
        <translation>Arrêter cette synchronisation&#xa0;; ce qui a été reçu reste enregistré</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 sur %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Échec de la dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n modification à envoyer</numerusform>
            <numerusform>%n modifications à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n élément demande votre attention</numerusform>
            <numerusform>%n éléments demandent votre attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Inachevée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Terminée le %1</translation>
    </message>
</context>
<context>
    <name>SyncNotifier</name>
    <message numerus="yes">
        <source>%n reply(ies) or review(s) of your reports</source>
        <translation>
            <numerusform>%n réponse ou révision de vos rapports</numerusform>
            <numerusform>%n réponses ou révisions de vos rapports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) pinned for your accounts</source>
        <translation>
            <numerusform>%n note épinglée pour vos comptes</numerusform>
            <numerusform>%n notes épinglées pour vos comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) for you</source>
        <translation>
            <numerusform>%n suivi pour vous</numerusform>
            <numerusform>%n suivis pour vous</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your follow-ups completed</source>
        <translation>
            <numerusform>%n suivi que vous avez confié est terminé</numerusform>
            <numerusform>%n suivis que vous avez confiés sont terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your follow-ups taken on</source>
        <translation>
            <numerusform>%n suivi que vous avez confié est pris en charge</numerusform>
            <numerusform>%n suivis que vous avez confiés sont pris en charge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) handed to you</source>
        <translation>
            <numerusform>%n piste qui vous est confiée</numerusform>
            <numerusform>%n pistes qui vous sont confiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) to your leads</source>
        <translation>
            <numerusform>%n réponse à vos pistes</numerusform>
            <numerusform>%n réponses à vos pistes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) withdrawn</source>
        <translation>
            <numerusform>%n piste retirée</numerusform>
            <numerusform>%n pistes retirées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on your hand-offs</source>
        <translation>
            <numerusform>%n commentaire sur vos transferts</numerusform>
            <numerusform>%n commentaires sur vos transferts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>Send pending changes and receive others&apos; (F5)</source>
        <translation>Envoyer les modifications en attente et recevoir celles des autres (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>A&amp;nnuler la synchronisation</translation>
    </message>
    <message>
        <source>Stop this sync; what was received stays saved</source>
        <translation>Arrêter cette synchronisation&#xa0;; ce qui a été reçu reste enregistré</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Résoudre…</translation>
    </message>
    <message>
        <source>Correct or &amp;discard…</source>
        <translation>&amp;Corriger ou abandonner…</translation>
    </message>
    <message>
        <source>Pending changes (%1)</source>
        <translation>Modifications en attente (%1)</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Rejected changes (%1)</source>
        <translation>Modifications refusées (%1)</translation>
    </message>
    <message>
        <source>Rejected changes</source>
        <translation>Modifications refusées</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait to be sent, in this order.</source>
        <translation>
            <numerusform>%n modification attend d&apos;être envoyée.</numerusform>
            <numerusform>%n modifications attendent d&apos;être envoyées, dans cet ordre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waits to be sent: every change reached the server.</source>
        <translation>Rien n&apos;attend d&apos;être envoyé&#xa0;: toutes les modifications sont parvenues au serveur.</translation>
    </message>
    <message>
        <source>Someone else changed the same field. Press Enter or double-click to choose which value stays.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié le même champ. Appuyez sur Entrée ou double-cliquez pour choisir la valeur à conserver.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>The server refused these changes. Press Enter or double-click to correct and retry, or discard.</source>
        <translation>Le serveur a refusé ces modifications. Appuyez sur Entrée ou double-cliquez pour corriger et réessayer, ou pour abandonner.</translation>
    </message>
    <message>
        <source>No refused changes.</source>
        <translation>Aucune modification refusée.</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>Dernière synchronisation réussie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>The last sync was cancelled; everything received so far is saved.</source>
        <translation>La dernière synchronisation a été annulée&#xa0;; tout ce qui a été reçu jusque-là est enregistré.</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Échec de la dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 sur %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Enter your password to sync: this computer cannot remember your sign-in.</source>
        <translation>Entrez votre mot de passe pour synchroniser&#xa0;: cet ordinateur ne peut pas mémoriser votre connexion.</translation>
    </message>
    <message>
        <source>Sign in again to sync: the server no longer accepts this sign-in.</source>
        <translation>Reconnectez-vous pour synchroniser&#xa0;: le serveur n’accepte plus cette connexion.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>The database on this computer is damaged (%1).</source>
        <translation>La base de données de cet ordinateur est endommagée (%1).</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>&amp;Hand over to a field rep…</source>
        <translation>&amp;Transférer à un représentant terrain…</translation>
    </message>
    <message>
        <source>Hand the selected account to a field rep, with a briefing</source>
        <translation>Transférer le compte choisi à un représentant terrain, avec une mise en contexte</translation>
    </message>
    <message>
        <source>Flag as a &amp;priority…</source>
        <translation>Signaler comme &amp;priorité…</translation>
    </message>
    <message>
        <source>Put the selected account on a field rep&apos;s day, saying why</source>
        <translation>Mettre le compte choisi dans la journée d’un représentant terrain, en disant pourquoi</translation>
    </message>
    <message>
        <source>Hand over a ne&amp;w prospect…</source>
        <translation>Transférer un &amp;nouveau prospect…</translation>
    </message>
    <message>
        <source>Create a prospect&apos;s account and hand it to a field rep in one step</source>
        <translation>Créer le compte d’un prospect et le transférer à un représentant terrain d’un seul coup</translation>
    </message>
</context>
<context>
    <name>TileWidget</name>
    <message>
        <source>%1: double-click or press Enter to see the records behind it</source>
        <translation>%1 : double-cliquez ou appuyez sur Entrée pour voir les fiches derrière ce chiffre</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous day or week (Alt+Left)</source>
        <translation>Jour ou semaine précédents (Alt+Left)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>A&amp;ujourd&apos;hui</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next day or week (Alt+Right)</source>
        <translation>Jour ou semaine suivants (Alt+Right)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>Se&amp;maine</translation>
    </message>
    <message>
        <source>&amp;Optimise order</source>
        <translation>&amp;Optimiser l&apos;ordre</translation>
    </message>
    <message>
        <source>Reorder the planned visits for the shortest drive from where you start</source>
        <translation>Réordonner les visites prévues pour le trajet le plus court depuis votre point de départ</translation>
    </message>
    <message>
        <source>Previous day or week</source>
        <translation>Jour ou semaine précédents</translation>
    </message>
    <message>
        <source>Next day or week</source>
        <translation>Jour ou semaine suivants</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Aujourd&apos;hui, %1</translation>
    </message>
    <message>
        <source>%1 · %2 in all</source>
        <translation>%1 · %2 au total</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing planned on this day: add accounts from the list on the right.</source>
        <translation>Rien de prévu ce jour-là&#xa0;: ajoutez des comptes depuis la liste de droite.</translation>
    </message>
    <message>
        <source>Nothing planned this week.</source>
        <translation>Rien de prévu cette semaine.</translation>
    </message>
    <message>
        <source>%1 added at %2.</source>
        <translation>Compte %1 ajouté à %2.</translation>
    </message>
    <message>
        <source>Total distance %1 → %2</source>
        <translation>Distance totale %1 → %2</translation>
    </message>
    <message>
        <source>This order is already the shortest found: %1</source>
        <translation>Cet ordre est déjà le plus court trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>Annuler la visite</translation>
    </message>
    <message>
        <source>Cancel the visit to %1 at %2? A cancelled visit cannot be restored.</source>
        <translation>Annuler la visite chez %1 à %2&#xa0;? Une visite annulée ne peut pas être rétablie.</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 doit être un nombre entier.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 doit être un nombre.</translation>
    </message>
    <message>
        <source>%1 cannot be read; keep its form.</source>
        <translation>%1 est illisible&#xa0;; conservez-en le format.</translation>
    </message>
</context>
<context>
    <name>VisitHeader</name>
    <message>
        <source>Check &amp;in</source>
        <translation>Signaler l&apos;arr&amp;ivée</translation>
    </message>
    <message>
        <source>Record that you arrived, now (Alt+I)</source>
        <translation>Noter votre arrivée, maintenant (Alt+I)</translation>
    </message>
    <message>
        <source>Planned %1, from %2 to %3</source>
        <translation>Prévue le %1, de %2 à %3</translation>
    </message>
    <message>
        <source>Planned — check in when you arrive; you can write the report now.</source>
        <translation>Prévue — signalez votre arrivée sur place&#xa0;; vous pouvez déjà rédiger le compte rendu.</translation>
    </message>
    <message>
        <source>Checked in at %1</source>
        <translation>Arrivée signalée à %1</translation>
    </message>
    <message>
        <source>Completed — checked out at %1</source>
        <translation>Terminée — départ signalé à %1</translation>
    </message>
</context>
<context>
    <name>VisitReminders</name>
    <message>
        <source>Pinned: %1</source>
        <translation>Épinglée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>Rétroaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the report; the visit stays checked in (Ctrl+S)</source>
        <translation>Enregistrer le compte rendu&#xa0;; la visite reste en cours (Ctrl+S)</translation>
    </message>
    <message>
        <source>Complete and check &amp;out</source>
        <translation>Terminer et signaler le &amp;départ</translation>
    </message>
    <message>
        <source>Check out: the report goes to the inside team (Ctrl+Enter)</source>
        <translation>Signaler le départ&#xa0;: le compte rendu part à l&apos;équipe interne (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Restored your unsaved draft from %1.</source>
        <translation>Votre brouillon non enregistré de %1 a été restauré.</translation>
    </message>
    <message>
        <source>Visit — %1</source>
        <translation>Visite — %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Brouillon enregistré à %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Report saved at %1; the visit is still checked in.</source>
        <translation>Compte rendu enregistré à %1&#xa0;; la visite est toujours en cours.</translation>
    </message>
    <message>
        <source>Completing the visit…</source>
        <translation>Clôture de la visite…</translation>
    </message>
    <message>
        <source>Visit completed: the report is saved and will be sent to the inside team at the next sync.</source>
        <translation>Visite terminée&#xa0;: le rapport est enregistré et sera envoyé à l’équipe interne à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Visit completed: the report was sent to the inside team.</source>
        <translation>Visite terminée&#xa0;: le rapport a été envoyé à l’équipe interne.</translation>
    </message>
    <message>
        <source>Visit completed, but the server refused part of it: see the Sync page.</source>
        <translation>Visite terminée, mais le serveur en a refusé une partie&#xa0;: voyez la page Synchronisation.</translation>
    </message>
</context>
<context>
    <name>WeekPlan</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
    <message>
        <source>No visit planned</source>
        <translation>Aucune visite prévue</translation>
    </message>
    <message>
        <source>Open %1 in the day view</source>
        <translation>Ouvrir le %1 dans la vue du jour</translation>
    </message>
</context>
<context>
    <name>WithdrawLeadDialog</name>
    <message>
        <source>Withdraw the lead</source>
        <translation>Retirer la piste</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Pourquoi (facultatif)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>WorkQueueModel</name>
    <message>
        <source>Clock</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Owed by</source>
        <translation>Dû par</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Unclaimed</source>
        <translation>À prendre</translation>
    </message>
    <message>
        <source>an answer is owed</source>
        <translation>une réponse est attendue</translation>
    </message>
</context>
<context>
    <name>WorkQueuePage</name>
    <message>
        <source>↑↓ or J/K: move · Enter: open · Ctrl+Enter: review, complete or hand again · C: claim · M: comment · R: reassign · W: withdraw</source>
        <translation>↑↓ ou J/K&#xa0;: se déplacer · Entrée&#xa0;: ouvrir · Ctrl+Entrée&#xa0;: réviser, terminer ou transférer de nouveau · C&#xa0;: prendre en charge · M&#xa0;: commenter · R&#xa0;: réassigner · W&#xa0;: retirer</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme révisé</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Prendre en charge</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Commenter…</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Terminer…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>Réassigner…</translation>
    </message>
    <message>
        <source>Hand again…</source>
        <translation>Transférer de nouveau…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Mark the report reviewed (Ctrl+Enter)</source>
        <translation>Marquer le compte rendu comme révisé (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Take it from the team&apos;s queue (C)</source>
        <translation>Le prendre dans la file de l&apos;équipe (C)</translation>
    </message>
    <message>
        <source>Add a comment to its history (M)</source>
        <translation>Ajouter un commentaire à son historique (M)</translation>
    </message>
    <message>
        <source>Done, with the outcome (Ctrl+Enter)</source>
        <translation>Terminé, avec le résultat (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Hand it to another person or team (R)</source>
        <translation>Le confier à une autre personne ou équipe (R)</translation>
    </message>
    <message>
        <source>Hand it to a field rep again (Ctrl+Enter)</source>
        <translation>La transférer de nouveau à un représentant terrain (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Close the lead: nobody is to visit (W)</source>
        <translation>Fermer la piste&#xa0;: personne n&apos;ira la visiter (W)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting on you or your team</source>
        <translation>
            <numerusform>%n élément vous attend, vous ou votre équipe</numerusform>
            <numerusform>%n éléments vous attendent, vous ou votre équipe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in Review</source>
        <translation>Ouvrir dans À réviser</translation>
    </message>
    <message>
        <source>Open account</source>
        <translation>Ouvrir le compte</translation>
    </message>
    <message>
        <source>Nothing waiting on you.</source>
        <translation>Rien ne vous attend.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Owed by %1 · %2</source>
        <translation>Dû par %1 · %2</translation>
    </message>
    <message>
        <source>Owed by %1 · due %2 · %3</source>
        <translation>Dû par %1 · échéance %2 · %3</translation>
    </message>
    <message>
        <source>Written by %1</source>
        <translation>Rédigé par %1</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Suivi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Handed over by %1</source>
        <translation>Transféré par %1</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation>Pris en charge par %1</translation>
    </message>
    <message>
        <source>Not claimed yet (%1)</source>
        <translation>Pas encore pris en charge (%1)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>Returned by %1</source>
        <translation>Renvoyée par %1</translation>
    </message>
    <message>
        <source>Their reason: %1</source>
        <translation>Sa raison&#xa0;: %1</translation>
    </message>
    <message>
        <source>Why this lead: %1</source>
        <translation>Pourquoi cette piste&#xa0;: %1</translation>
    </message>
    <message>
        <source>Who to see: %1</source>
        <translation>Qui rencontrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>What was promised: %1</source>
        <translation>Ce qui a été promis&#xa0;: %1</translation>
    </message>
    <message>
        <source>Marked reviewed: %1</source>
        <translation>Marqué comme révisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Claimed: %1 — it is yours now.</source>
        <translation>Pris en charge&#xa0;: %1 — c&apos;est à vous maintenant.</translation>
    </message>
    <message>
        <source>Completed: %1 — the outcome goes back at the next sync.</source>
        <translation>Terminé&#xa0;: %1 — le résultat part à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Reassigned: %1</source>
        <translation>Réassigné&#xa0;: %1</translation>
    </message>
    <message>
        <source>Comment saved; it is sent at the next sync.</source>
        <translation>Commentaire enregistré&#xa0;; il part à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Handed again: %1</source>
        <translation>Transférée de nouveau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>Retirée&#xa0;: %1</translation>
    </message>
</context>
</TS>
