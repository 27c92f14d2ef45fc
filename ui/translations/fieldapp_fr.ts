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
    <message>
        <source>No account matches these filters.</source>
        <translation>Aucun compte ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>No account in your territory yet: a sync brings your accounts.</source>
        <translation>Aucun compte dans votre territoire pour l&apos;instant&#xa0;: une synchronisation apporte vos comptes.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
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
        <translation>Ctrl+Entrée pour enregistrer</translation>
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
        <translation>Rétroaction&#xa0;: %1</translation>
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
    <name>CalendarRangeDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation>Au (inclus)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The visits planned on these days go into an .ics file.</source>
        <translation>Les visites prévues ces jours-là sont enregistrées dans un fichier .ics.</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Le dernier jour est avant le premier.</translation>
    </message>
</context>
<context>
    <name>CalendarSubscription</name>
    <message>
        <source>FieldApp visits</source>
        <translation>Visites FieldApp</translation>
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
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
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
        <translation>%1 tenues · %2 pas encore terminées</translation>
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
médiane %3&#xa0;: %4</translation>
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
        <translation>Les ententes de service des équipes&#xa0;: ce que chacune doit, et pour quand</translation>
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
        <translation>Les indicateurs n&apos;ont pas pu être calculés&#xa0;: %1</translation>
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
        <translation>Niveaux de service enregistrés&#xa0;: ils parviendront à chaque portable à sa prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>DashboardTables</name>
    <message>
        <source>See the figures per rep</source>
        <translation>Voir les chiffres par représentant</translation>
    </message>
    <message>
        <source>No visit in this period for the people shown.</source>
        <translation>Aucune visite dans cette période pour les personnes affichées.</translation>
    </message>
    <message>
        <source>No hand-off missed its service level in this period.</source>
        <translation>Aucun transfert n&apos;a manqué son niveau de service dans cette période.</translation>
    </message>
    <message>
        <source>Every account is visited within its target.</source>
        <translation>Tous les comptes sont visités dans leur fréquence cible.</translation>
    </message>
    <message>
        <source>Nothing is waiting on anyone.</source>
        <translation>Rien n&apos;attend personne.</translation>
    </message>
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
        <translation>Manquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Overdue account: %1</source>
        <translation>Compte en retard&#xa0;: %1</translation>
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
    <name>DiskFullWords</name>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n modification envoyée</numerusform>
            <numerusform>%n modifications envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received</source>
        <translation>
            <numerusform>%n fiche reçue</numerusform>
            <numerusform>%n fiches reçues</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) reached the server but could not be recorded here (the next sync confirms them)</source>
        <translation>
            <numerusform>%n autre modification est parvenue au serveur mais n’a pas pu être notée ici (la prochaine synchronisation la confirmera)</numerusform>
            <numerusform>%n autres modifications sont parvenues au serveur mais n’ont pas pu être notées ici (la prochaine synchronisation les confirmera)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) reached the server but could not be recorded here (the next sync confirms them)</source>
        <translation>
            <numerusform>%n modification est parvenue au serveur mais n’a pas pu être notée ici (la prochaine synchronisation la confirmera)</numerusform>
            <numerusform>%n modifications sont parvenues au serveur mais n’ont pas pu être notées ici (la prochaine synchronisation les confirmera)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>nothing was sent or received</source>
        <translation>rien n’a été envoyé ni reçu</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: %2; the rest waits until there is space.</source>
        <translation>Le disque qui contient %1 est plein&#xa0;: %2&#xa0;; le reste attendra qu’il y ait de la place.</translation>
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
    <name>DueModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Retard</translation>
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
    <name>ErrorFragments</name>
    <message>
        <source>&apos;fieldapp backups&apos; lists the copies taken before each update of the database</source>
        <translation>«&#xa0;fieldapp backups&#xa0;» énumère les copies prises avant chaque mise à jour de la base de données</translation>
    </message>
    <message>
        <source>&apos;fieldapp export --to FOLDER&apos; saves what can still be read, unsynced changes first</source>
        <translation>«&#xa0;fieldapp export --to DOSSIER&#xa0;» enregistre ce qui peut encore être lu, les modifications non synchronisées d’abord</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>Acceptée le</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation>Heure d’arrivée</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>Check-in time</source>
        <translation>Heure d’arrivée</translation>
    </message>
    <message>
        <source>Check-out time</source>
        <translation>Heure de départ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Claimed at</source>
        <translation>Pris en charge le</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Pris en charge par</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>Date de clôture</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Contacts met</source>
        <translation>Contacts rencontrés</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Valeur corrigée</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>Creation time</source>
        <translation>Heure de création</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adresse courriel</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>Représentant terrain</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Flagged by</source>
        <translation>Signalé par</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Handed at</source>
        <translation>Transféré le</translation>
    </message>
    <message>
        <source>Handed by</source>
        <translation>Transféré par</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>Type d&apos;élément</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>Type de note</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Piste</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Valeur fusionnée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Prochaines étapes</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Nombre de jours</translation>
    </message>
    <message>
        <source>Origin note</source>
        <translation>Note d’origine</translation>
    </message>
    <message>
        <source>Origin visit</source>
        <translation>Visite d’origine</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglée</translation>
    </message>
    <message>
        <source>Pinned at</source>
        <translation>Épinglé le</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Fin prévue</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Début prévu</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Représentant</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>En réponse à</translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation>Renvoyée le</translation>
    </message>
    <message>
        <source>Review time</source>
        <translation>Heure de révision</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Révisé par</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Route position</source>
        <translation>Place dans l’itinéraire</translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation>Ententes de service</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Tri</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>The conversion window (days)</source>
        <translation>La fenêtre de conversion (jours)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>To team</source>
        <translation>À l’équipe</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Visit frequency (days)</source>
        <translation>Fréquence des visites (jours)</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Ce qui a été promis</translation>
    </message>
    <message>
        <source>Who to see</source>
        <translation>Qui rencontrer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Why this lead</source>
        <translation>Pourquoi cette piste</translation>
    </message>
    <message>
        <source>accept it</source>
        <translation>l’accepter</translation>
    </message>
    <message>
        <source>cancel it</source>
        <translation>l’annuler</translation>
    </message>
    <message>
        <source>check in</source>
        <translation>signaler l’arrivée</translation>
    </message>
    <message>
        <source>check out</source>
        <translation>signaler le départ</translation>
    </message>
    <message>
        <source>edit a lead&apos;s briefing</source>
        <translation>modifier le breffage d’une piste</translation>
    </message>
    <message>
        <source>flag priorities for the field</source>
        <translation>signaler des priorités pour le terrain</translation>
    </message>
    <message>
        <source>hand leads to the field</source>
        <translation>transférer des pistes au terrain</translation>
    </message>
    <message>
        <source>log it</source>
        <translation>la consigner</translation>
    </message>
    <message>
        <source>mark a no-show</source>
        <translation>noter une absence</translation>
    </message>
    <message>
        <source>pin notes for the field</source>
        <translation>épingler des notes pour le terrain</translation>
    </message>
    <message>
        <source>reassign leads</source>
        <translation>réassigner des pistes</translation>
    </message>
    <message>
        <source>reorder it</source>
        <translation>la déplacer dans l’itinéraire</translation>
    </message>
    <message>
        <source>reschedule it</source>
        <translation>la replanifier</translation>
    </message>
    <message>
        <source>return it</source>
        <translation>la renvoyer</translation>
    </message>
    <message>
        <source>review visit reports</source>
        <translation>réviser des comptes rendus de visite</translation>
    </message>
    <message>
        <source>withdraw leads</source>
        <translation>retirer des pistes</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>answer cut short</source>
        <translation>réponse interrompue</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>la réponse</translation>
    </message>
    <message>
        <source>a change</source>
        <translation>une modification</translation>
    </message>
    <message>
        <source>the change feed</source>
        <translation>le flux de modifications</translation>
    </message>
    <message>
        <source>a conflict</source>
        <translation>un conflit</translation>
    </message>
    <message>
        <source>the identity</source>
        <translation>l’identité</translation>
    </message>
    <message>
        <source>the push answer</source>
        <translation>la réponse à l’envoi</translation>
    </message>
    <message>
        <source>a push result</source>
        <translation>un résultat d’envoi</translation>
    </message>
    <message>
        <source>the sign-in answer</source>
        <translation>la réponse à la connexion</translation>
    </message>
    <message>
        <source>%1 record</source>
        <translation>enregistrement «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>accounts.latitude_and_longitude_go_together_give</source>
        <translation>La latitude et la longitude vont ensemble&#xa0;: indiquez les deux ou aucune.</translation>
    </message>
    <message>
        <source>accounts.not_field_account_can_edit</source>
        <translation>«&#xa0;{field}&#xa0;» n’est pas un champ de compte que vous pouvez modifier.</translation>
    </message>
    <message>
        <source>agreements.give_allowance_in_hours_or_in</source>
        <translation>Indiquez le délai en heures ou en jours ouvrables.</translation>
    </message>
    <message>
        <source>agreements.only_managers_set_teams_sla_policies</source>
        <translation>Seuls les gestionnaires fixent les ententes de service des équipes.</translation>
    </message>
    <message>
        <source>agreements.set_sla_policies_team_only</source>
        <translation>Vous fixez les ententes de service de l’équipe {team} seulement.</translation>
    </message>
    <message>
        <source>agreements.team_has_no_sla_policies_yet</source>
        <translation>L’équipe {team} n’a pas encore d’ententes de service&#xa0;: indiquez aussi sa région.</translation>
    </message>
    <message>
        <source>backups.backup_damaged_too_nothing_was_changed</source>
        <translation>La copie de sécurité {source} est endommagée elle aussi ({value})&#xa0;; rien n’a été modifié. Choisissez une autre copie.</translation>
    </message>
    <message>
        <source>backups.backup_was_written_by_newer_fieldapp</source>
        <translation>La copie de sécurité {source} a été écrite par une version plus récente de FieldApp (schéma {version}&#xa0;; cette version connaît jusqu’au schéma {LATEST_VERSION})&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>backups.current_database_choose_one_backups</source>
        <translation>{source} est la base de données actuelle&#xa0;; choisissez une de ses copies de sécurité.</translation>
    </message>
    <message>
        <source>backups.fieldapp_database_in_use_by_another</source>
        <translation>La base de données FieldApp {db} est utilisée par un autre programme&#xa0;; fermez FieldApp et réessayez. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>backups.no_backup_in_fieldapp_backups_lists</source>
        <translation>Aucune copie de sécurité {backup} dans {folder}&#xa0;; «&#xa0;fieldapp backups&#xa0;» les énumère.</translation>
    </message>
    <message>
        <source>backups.no_fieldapp_profile_in</source>
        <translation>Aucun profil FieldApp dans {folder}.</translation>
    </message>
    <message>
        <source>backups.not_fieldapp_database_nothing_was_changed</source>
        <translation>{source} n’est pas une base de données FieldApp&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>backups.not_sqlite_database_nothing_was_changed</source>
        <translation>{source} n’est pas une base de données SQLite&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>base.must_number_milliseconds_from_0_not</source>
        <translation>{BUSY_TIMEOUT_ENV} doit être un nombre de millisecondes de 0 à {MAX_BUSY_TIMEOUT_MS}, et non {text}.</translation>
    </message>
    <message>
        <source>check.amount_must_between_0_and_1</source>
        <translation>Le montant doit être compris entre 0 et 1 000 000 000 000.</translation>
    </message>
    <message>
        <source>check.amount_must_number</source>
        <translation>Le montant doit être un nombre.</translation>
    </message>
    <message>
        <source>check.contains_broken_characters_invalid_unicode</source>
        <translation>{label} contient des caractères brisés (Unicode non valide).</translation>
    </message>
    <message>
        <source>check.contains_control_characters</source>
        <translation>{label} contient des caractères de contrôle.</translation>
    </message>
    <message>
        <source>check.must_between___and</source>
        <translation>{label} doit être compris entre -{limit} et {limit2}.</translation>
    </message>
    <message>
        <source>check.must_between_and</source>
        <translation>{label} doit être compris entre {minimum} et {maximum}.</translation>
    </message>
    <message>
        <source>check.must_between_and_got</source>
        <translation>{label} doit être compris entre {EARLIEST_YEAR} et {LATEST_YEAR} (reçu&#xa0;: {year}).</translation>
    </message>
    <message>
        <source>check.must_date</source>
        <translation>{label} doit être une date.</translation>
    </message>
    <message>
        <source>check.must_date_and_time</source>
        <translation>{label} doit être une date et une heure.</translation>
    </message>
    <message>
        <source>check.must_fit_on_one_line</source>
        <translation>{label} doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <source>check.must_number_got</source>
        <translation>{label} doit être un nombre (reçu&#xa0;: {value}).</translation>
    </message>
    <message>
        <source>check.must_one_got</source>
        <translation>{label} doit être l’une des valeurs {value} (reçu&#xa0;: {value2}).</translation>
    </message>
    <message>
        <source>check.must_text</source>
        <translation>{label} doit être du texte.</translation>
    </message>
    <message>
        <source>check.must_whole_number</source>
        <translation>{label} doit être un nombre entier.</translation>
    </message>
    <message>
        <source>check.needs_time_zone</source>
        <translation>{label} doit préciser un fuseau horaire.</translation>
    </message>
    <message>
        <source>check.not_e_mail_address</source>
        <translation>«&#xa0;{cleaned}&#xa0;» n’est pas une adresse courriel ({exc}).</translation>
    </message>
    <message>
        <source>check.not_phone_number</source>
        <translation>«&#xa0;{cleaned}&#xa0;» n’est pas un numéro de téléphone.</translation>
    </message>
    <message>
        <source>check.too_long_characters_at_most</source>
        <translation>{label} est trop long ({length} caractères&#xa0;; au plus {max_length}).</translation>
    </message>
    <message>
        <source>dashboard.no_figure_named_choose</source>
        <translation>Aucun indicateur nommé {name}&#xa0;: choisissez {value}.</translation>
    </message>
    <message>
        <source>database.cannot_create_fieldapp_database</source>
        <translation>Impossible de créer la base de données FieldApp {path}&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>database.cannot_create_profile_folder</source>
        <translation>Impossible de créer le dossier de profil {profile_dir}&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>database.empty_0_bytes_profiles_database_damaged</source>
        <translation>{path} est vide (0 octet)&#xa0;: la base de données du profil est endommagée. Elle n’a pas été touchée. Pour récupérer vos données&#xa0;: {EXPORT_HINT}&#xa0;; puis {BACKUPS_HINT}.</translation>
    </message>
    <message>
        <source>database.folder_not_fieldapp_database</source>
        <translation>{path} est un dossier, pas une base de données FieldApp.</translation>
    </message>
    <message>
        <source>database.no_fieldapp_profile_in_create_one</source>
        <translation>Aucun profil FieldApp dans {profile_dir}&#xa0;: créez-en un avec «&#xa0;fieldapp init --profile {profile_dir2}&#xa0;».</translation>
    </message>
    <message>
        <source>database.not_fieldapp_database_not_sqlite_file</source>
        <translation>{path} n’est pas une base de données FieldApp (ce n’est pas un fichier SQLite). Il n’a pas été touché&#xa0;; choisissez un autre dossier de profil. S’il s’agissait d’un profil FieldApp, {BACKUPS_HINT}.</translation>
    </message>
    <message>
        <source>demo.profile_belongs_another_demo_user</source>
        <translation>{profile_dir} appartient à un autre utilisateur de démonstration.</translation>
    </message>
    <message>
        <source>disk_full</source>
        <translation>{sentence}</translation>
    </message>
    <message>
        <source>drafts.choose_due_date</source>
        <translation>Choisissez une échéance.</translation>
    </message>
    <message>
        <source>drafts.choose_who_follow_up_for</source>
        <translation>Choisissez à qui s’adresse le suivi.</translation>
    </message>
    <message>
        <source>drafts.error</source>
        <translation>{opportunity}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>drafts.follow_up</source>
        <translation>Suivi {value}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>drafts.opportunity_belongs_another_account</source>
        <translation>Cette occasion appartient à un autre compte.</translation>
    </message>
    <message>
        <source>drill.no_drill_down_into_choose</source>
        <translation>Aucun détail possible pour {collection}&#xa0;: choisissez {value}.</translation>
    </message>
    <message>
        <source>export.already_exists_and_not_empty_folder</source>
        <translation>{target} existe déjà et n’est pas un dossier vide&#xa0;; choisissez un nouveau dossier afin que rien n’y soit écrasé.</translation>
    </message>
    <message>
        <source>export.last_day_range_before_first_day</source>
        <translation>Le dernier jour de la période précède son premier jour.</translation>
    </message>
    <message>
        <source>export.no_database_export</source>
        <translation>Il n’y a pas de base de données {database} à exporter.</translation>
    </message>
    <message>
        <source>export.range_at_most_days</source>
        <translation>Choisissez une période d’au plus {max_days} jours.</translation>
    </message>
    <message>
        <source>follow_ups.already_handed_them</source>
        <translation>Il lui est déjà confié.</translation>
    </message>
    <message>
        <source>follow_ups.assign_follow_up_team_or_person_not</source>
        <translation>Confiez un suivi à une équipe ou à une personne, pas aux deux.</translation>
    </message>
    <message>
        <source>follow_ups.choose_who_takes_over</source>
        <translation>Choisissez qui le reprend.</translation>
    </message>
    <message>
        <source>follow_ups.claimed_first_ask_them_release_or</source>
        <translation>{holder} l’a pris en charge en premier&#xa0;: demandez-lui de le libérer, ou réassignez-le.</translation>
    </message>
    <message>
        <source>follow_ups.follow_up</source>
        <translation>Ce suivi est à l’état «&#xa0;{status}&#xa0;».</translation>
    </message>
    <message>
        <source>follow_ups.follow_up_handed_someone_else</source>
        <translation>Ce suivi est confié à quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>follow_ups.follow_up_not_done</source>
        <translation>Ce suivi est à l’état «&#xa0;{status}&#xa0;», il n’est pas terminé.</translation>
    </message>
    <message>
        <source>follow_ups.note_belongs_another_account</source>
        <translation>Cette note appartient à un autre compte.</translation>
    </message>
    <message>
        <source>follow_ups.only_author_or_inside_team_cancels</source>
        <translation>Seuls son auteur ou l’équipe interne peuvent l’annuler.</translation>
    </message>
    <message>
        <source>follow_ups.only_author_or_person_who_owes</source>
        <translation>Seuls son auteur ou la personne qui le doit peuvent le rouvrir.</translation>
    </message>
    <message>
        <source>follow_ups.only_author_person_who_owes_or</source>
        <translation>Seuls son auteur, la personne qui le doit ou l’équipe interne peuvent le réassigner.</translation>
    </message>
    <message>
        <source>follow_ups.only_person_who_claimed_releases</source>
        <translation>Seule la personne qui l’a pris en charge peut le libérer.</translation>
    </message>
    <message>
        <source>follow_ups.only_person_who_owes_follow_up_completes</source>
        <translation>Seule la personne qui doit ce suivi peut le terminer&#xa0;: prenez-le d’abord en charge.</translation>
    </message>
    <message>
        <source>follow_ups.reassign_one_person_or_one_team</source>
        <translation>Réassignez-le à une personne ou à une équipe.</translation>
    </message>
    <message>
        <source>follow_ups.say_what_was_done_outcome_goes</source>
        <translation>Dites ce qui a été fait&#xa0;: le résultat retourne à la personne qui l’a confié.</translation>
    </message>
    <message>
        <source>follow_ups.visit_belongs_another_account</source>
        <translation>Cette visite appartient à un autre compte.</translation>
    </message>
    <message>
        <source>handoffs.ask_for_history_one_lead_or</source>
        <translation>Demandez l’historique d’une seule piste ou d’un seul suivi.</translation>
    </message>
    <message>
        <source>handoffs.choose_field_rep_hand_lead</source>
        <translation>Choisissez le représentant terrain à qui transférer la piste.</translation>
    </message>
    <message>
        <source>handoffs.comment_on_one_lead_or_one</source>
        <translation>Commentez une seule piste ou un seul suivi.</translation>
    </message>
    <message>
        <source>handoffs.covers_and_in_hand_rep_or</source>
        <translation>{rep} couvre {value}, et {account} est dans {territory}&#xa0;: transférez-la à un représentant de {territory2}, ou confiez d’abord le compte à {rep2}.</translation>
    </message>
    <message>
        <source>handoffs.lead_add_note_instead</source>
        <translation>Cette piste est à l’état «&#xa0;{status}&#xa0;»&#xa0;: ajoutez plutôt une note.</translation>
    </message>
    <message>
        <source>handoffs.lead_already_s</source>
        <translation>Cette piste est déjà à {rep}.</translation>
    </message>
    <message>
        <source>handoffs.lead_cannot_handed_again</source>
        <translation>Cette piste est à l’état «&#xa0;{status}&#xa0;»&#xa0;: elle ne peut pas être transférée de nouveau.</translation>
    </message>
    <message>
        <source>handoffs.lead_cannot_withdrawn</source>
        <translation>Cette piste est à l’état «&#xa0;{status}&#xa0;»&#xa0;: elle ne peut pas être retirée.</translation>
    </message>
    <message>
        <source>handoffs.lead_not_waiting_for_answer</source>
        <translation>Cette piste est à l’état «&#xa0;{status}&#xa0;»&#xa0;: elle n’attend pas de réponse.</translation>
    </message>
    <message>
        <source>handoffs.leads_briefing_why_who_see_promised</source>
        <translation>Le breffage d’une piste, c’est pourquoi, qui rencontrer et ce qui a été promis.</translation>
    </message>
    <message>
        <source>handoffs.not_field_account</source>
        <translation>«&#xa0;{field}&#xa0;» n’est pas un champ de compte.</translation>
    </message>
    <message>
        <source>handoffs.not_field_rep</source>
        <translation>{rep} n’est pas un représentant terrain.</translation>
    </message>
    <message>
        <source>handoffs.not_in_team</source>
        <translation>{rep} ne fait pas partie de votre équipe.</translation>
    </message>
    <message>
        <source>handoffs.only_field_rep_lead_was_handed</source>
        <translation>Seul le représentant terrain à qui cette piste a été transférée peut {action}.</translation>
    </message>
    <message>
        <source>handoffs.say_why_lead_returned</source>
        <translation>Dites pourquoi la piste est renvoyée.</translation>
    </message>
    <message>
        <source>handoffs.was_already_handed_who_has_not</source>
        <translation>{account} a déjà été transféré à {name}, qui n’a pas encore répondu.</translation>
    </message>
    <message>
        <source>handoffs.write_comment_first</source>
        <translation>Écrivez d’abord le commentaire.</translation>
    </message>
    <message>
        <source>import.accounts_are_named_add_city</source>
        <translation>{count} comptes se nomment «&#xa0;{name}&#xa0;»&#xa0;: ajoutez la ville du compte.</translation>
    </message>
    <message>
        <source>import.file_empty</source>
        <translation>Ce fichier est vide.</translation>
    </message>
    <message>
        <source>import.file_has_more_rows_than</source>
        <translation>Ce fichier a plus de {max_rows} lignes&#xa0;: divisez-le.</translation>
    </message>
    <message>
        <source>import.file_has_no_column</source>
        <translation>Le fichier n’a pas de colonne «&#xa0;{column}&#xa0;» (ses colonnes&#xa0;: {columns}).</translation>
    </message>
    <message>
        <source>import.file_holds_binary_data</source>
        <translation>Ce fichier n’est pas un fichier CSV (il contient des données binaires).</translation>
    </message>
    <message>
        <source>import.file_larger_than</source>
        <translation>Ce fichier dépasse {megabytes} Mo.</translation>
    </message>
    <message>
        <source>import.file_not_utf8_or_windows_1252</source>
        <translation>Ce fichier n’est pas du texte en UTF-8 ni en Windows-1252&#xa0;: enregistrez-le de nouveau en CSV.</translation>
    </message>
    <message>
        <source>import.file_not_valid_csv</source>
        <translation>Ce fichier n’est pas un CSV valide ({exc}).</translation>
    </message>
    <message>
        <source>import.folder_not_csv_file</source>
        <translation>{path} est un dossier, pas un fichier CSV.</translation>
    </message>
    <message>
        <source>import.import_accounts_or_contacts_not</source>
        <translation>Importez des comptes ou des contacts, et non «&#xa0;{target}&#xa0;».</translation>
    </message>
    <message>
        <source>import.no_account_named</source>
        <translation>Aucun compte nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>import.no_account_named_in_city</source>
        <translation>Aucun compte nommé «&#xa0;{name}&#xa0;» à {city}.</translation>
    </message>
    <message>
        <source>import.no_column_mapped_to</source>
        <translation>Aucune colonne ne correspond à {fields}&#xa0;: associez-en une pour importer.</translation>
    </message>
    <message>
        <source>import.not_field_of_choose_one</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un champ de {target}&#xa0;: choisissez parmi {fields}.</translation>
    </message>
    <message>
        <source>import.write_mapping_as_column_field</source>
        <translation>Écrivez une correspondance sous la forme COLONNE=CHAMP, et non «&#xa0;{option}&#xa0;».</translation>
    </message>
    <message>
        <source>inbox.name_inbox_item_mark</source>
        <translation>Nommez l’élément de la boîte de réception à marquer.</translation>
    </message>
    <message>
        <source>kinds.cannot_empty</source>
        <translation>{label} ne peut pas être vide.</translation>
    </message>
    <message>
        <source>kinds.must_date_and_time_such_as</source>
        <translation>{label} doit être une date et une heure, comme 2026-11-23T14:05:00Z.</translation>
    </message>
    <message>
        <source>kinds.must_date_such_as_2026_11_23</source>
        <translation>{label} doit être une date, comme 2026-11-23.</translation>
    </message>
    <message>
        <source>kinds.must_id_text_1</source>
        <translation>{label} doit être un identifiant (un texte de 1 à {MAX_ID} caractères).</translation>
    </message>
    <message>
        <source>kinds.must_list_ids</source>
        <translation>{label} doit être une liste d’identifiants ({noun}).</translation>
    </message>
    <message>
        <source>kinds.must_true_or_false</source>
        <translation>{label} doit être vrai ou faux.</translation>
    </message>
    <message>
        <source>migrations.profile_was_written_by_newer_fieldapp</source>
        <translation>Ce profil a été écrit par une version plus récente de FieldApp (schéma {current}&#xa0;; cette version connaît jusqu’au schéma {LATEST_VERSION}). Mettez FieldApp à jour&#xa0;; le fichier n’a pas été touché. Sans mise à jour, {EXPORT_HINT}, et {BACKUPS_HINT}.</translation>
    </message>
    <message>
        <source>notes.feedback_answers_visit_report</source>
        <translation>Une rétroaction répond à un compte rendu de visite.</translation>
    </message>
    <message>
        <source>notes.feedback_written_as_reply_visit_report</source>
        <translation>Une rétroaction s’écrit en réponse à un compte rendu de visite.</translation>
    </message>
    <message>
        <source>notes.only_author_note_can_edit_add</source>
        <translation>Seul l’auteur d’une note peut la modifier&#xa0;; ajoutez plutôt une nouvelle note.</translation>
    </message>
    <message>
        <source>people.only_reps_can_signed_in_as</source>
        <translation>Seuls ces rôles peuvent {action}&#xa0;: {value}&#xa0;; vous êtes connecté en tant que {role}.</translation>
    </message>
    <message>
        <source>period.last_day_period_before_first_day</source>
        <translation>Le dernier jour de la période précède son premier jour.</translation>
    </message>
    <message>
        <source>period.period_at_most_days_long</source>
        <translation>Une période dure au plus {MAX_DAYS} jours.</translation>
    </message>
    <message>
        <source>period.period_week_month_or_quarter_got</source>
        <translation>La période est une semaine, un mois ou un trimestre (reçu&#xa0;: {kind}).</translation>
    </message>
    <message>
        <source>period.unknown_time_zone_iana_name_such</source>
        <translation>Fuseau horaire inconnu&#xa0;: {name} (un nom IANA comme America/Toronto).</translation>
    </message>
    <message>
        <source>policies.commitment_must_one_got</source>
        <translation>L’engagement doit être l’une des valeurs {value} (reçu&#xa0;: {value2}).</translation>
    </message>
    <message>
        <source>policies.policy_for_must_give_exactly_one</source>
        <translation>L’entente pour {kind} doit indiquer exactement un de «&#xa0;hours&#xa0;» ou «&#xa0;working_days&#xa0;» (reçu&#xa0;: {value}).</translation>
    </message>
    <message>
        <source>policies.sla_policies_must_object_keyed_by</source>
        <translation>Les ententes de service doivent être un objet indexé par engagement.</translation>
    </message>
    <message>
        <source>priorities.already_priority_for_day</source>
        <translation>{account} est déjà une priorité pour ce jour-là.</translation>
    </message>
    <message>
        <source>priorities.choose_field_rep_whose_day</source>
        <translation>Choisissez le représentant terrain dont c’est la journée.</translation>
    </message>
    <message>
        <source>priorities.in_covers</source>
        <translation>{account} est dans {owner}&#xa0;; {rep} couvre {territory}.</translation>
    </message>
    <message>
        <source>priorities.only_person_who_flagged_priority_may</source>
        <translation>Seule la personne qui a signalé une priorité peut la retirer.</translation>
    </message>
    <message>
        <source>priorities.priority_for_another_reps_day</source>
        <translation>Cette priorité est pour la journée d’un autre représentant.</translation>
    </message>
    <message>
        <source>profiles.already_open_but_does_not_answer</source>
        <translation>FieldApp est déjà ouvert sur {profile_dir} (processus {pid}) mais ne répond pas&#xa0;: fermez cette fenêtre, ou terminez ce processus, puis recommencez.</translation>
    </message>
    <message>
        <source>profiles.cannot_create_lock_file</source>
        <translation>Impossible de créer le fichier de verrou {lock_path}&#xa0;: vérifiez que le dossier du profil est accessible en écriture.</translation>
    </message>
    <message>
        <source>profiles.fieldapp_database_in_use_by_another</source>
        <translation>La base de données FieldApp {database} est utilisée par un autre programme&#xa0;; fermez-le et réessayez. Rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>records.comment_written_in_authors_name_only</source>
        <translation>Un commentaire s’écrit au nom de son auteur seulement.</translation>
    </message>
    <message>
        <source>records.follow_up_goes_one_person_or_one</source>
        <translation>Un suivi va à une personne ou à une équipe, ni aux deux ni à personne.</translation>
    </message>
    <message>
        <source>records.leads_handed_field_by_inside_reps</source>
        <translation>Les pistes sont transférées au terrain par les représentants internes et les gestionnaires.</translation>
    </message>
    <message>
        <source>records.note_written_in_authors_name_only</source>
        <translation>Une note s’écrit au nom de son auteur seulement.</translation>
    </message>
    <message>
        <source>records.only_author_note_may_change_add</source>
        <translation>Seul l’auteur d’une note peut la changer&#xa0;; ajoutez plutôt une note.</translation>
    </message>
    <message>
        <source>records.only_person_who_flagged_priority_may</source>
        <translation>Seule la personne qui a signalé une priorité peut la changer ou la retirer.</translation>
    </message>
    <message>
        <source>records.only_reviewer_may_change_or_withdraw</source>
        <translation>Seul le réviseur peut changer ou retirer une révision.</translation>
    </message>
    <message>
        <source>records.pinning_notes_for_field_for_inside</source>
        <translation>Épingler des notes pour le terrain est réservé aux représentants internes et aux gestionnaires.</translation>
    </message>
    <message>
        <source>records.priorities_flagged_by_inside_reps_and</source>
        <translation>Les priorités sont signalées par les représentants internes et les gestionnaires.</translation>
    </message>
    <message>
        <source>records.priority_flagged_in_authors_name_only</source>
        <translation>Une priorité se signale au nom de son auteur seulement.</translation>
    </message>
    <message>
        <source>records.read_marks_ones_own</source>
        <translation>Les marques de lecture sont à soi.</translation>
    </message>
    <message>
        <source>records.review_given_in_reviewers_name_only</source>
        <translation>Une révision se donne au nom du réviseur seulement.</translation>
    </message>
    <message>
        <source>records.reviews_for_inside_reps_and_managers</source>
        <translation>Les révisions sont réservées aux représentants internes et aux gestionnaires.</translation>
    </message>
    <message>
        <source>records.step_belongs_one_lead_or_one</source>
        <translation>Une étape appartient à une seule piste ou à un seul suivi.</translation>
    </message>
    <message>
        <source>records.visit_cannot_end_before_starts</source>
        <translation>Une visite ne peut pas finir avant de commencer.</translation>
    </message>
    <message>
        <source>recovery.nothing_could_read_from_what_was</source>
        <translation>Rien n’a pu être lu dans {source} ({schema_error})&#xa0;; ce qui a été tenté se trouve dans {value}.</translation>
    </message>
    <message>
        <source>regions.has_no_subdivision_in_public_holiday_calendar</source>
        <translation>{country} n’a pas de subdivision {value} dans le calendrier des jours fériés.</translation>
    </message>
    <message>
        <source>regions.no_public_holiday_calendar_for_country</source>
        <translation>Aucun calendrier des jours fériés pour le pays {value}.</translation>
    </message>
    <message>
        <source>regions.region_code_must_like_qc_or</source>
        <translation>Le code de région doit ressembler à «&#xa0;QC&#xa0;» ou «&#xa0;FR-57&#xa0;» (reçu&#xa0;: {value}).</translation>
    </message>
    <message>
        <source>regions.region_must_object_with_code_country</source>
        <translation>Une région doit être un objet avec code, country, ...</translation>
    </message>
    <message>
        <source>regions.region_must_one_got</source>
        <translation>La région doit être l’une des valeurs {value} (reçu&#xa0;: {value2}).</translation>
    </message>
    <message>
        <source>regions.unknown_region_field_s</source>
        <translation>Champ(s) de région inconnu(s)&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>regions.unknown_time_zone_iana_name_expected</source>
        <translation>Fuseau horaire inconnu&#xa0;: {value} (un nom IANA est attendu).</translation>
    </message>
    <message>
        <source>regions.working_weekdays_must_non_empty_list_numbers</source>
        <translation>Les jours ouvrables doivent être une liste non vide de nombres de 0 (lundi) à 6 (dimanche).</translation>
    </message>
    <message>
        <source>reviews.end_period_before_start</source>
        <translation>La fin de la période précède son début.</translation>
    </message>
    <message>
        <source>reviews.only_visit_reports_reviewed</source>
        <translation>Seuls les comptes rendus de visite sont révisés.</translation>
    </message>
    <message>
        <source>reviews.visit_report_has_already_been_reviewed</source>
        <translation>Ce compte rendu de visite a déjà été révisé.</translation>
    </message>
    <message>
        <source>reviews.visit_report_not_reviewed</source>
        <translation>Ce compte rendu de visite n&apos;est pas révisé.</translation>
    </message>
    <message>
        <source>route.already_in_days_plan</source>
        <translation>{account} est déjà dans l’itinéraire de ce jour.</translation>
    </message>
    <message>
        <source>route.day_over_plan_visit_today_or</source>
        <translation>Cette journée est passée&#xa0;: planifiez la visite aujourd’hui ou plus tard.</translation>
    </message>
    <message>
        <source>route.no_time_left_on_day_plan</source>
        <translation>Il ne reste plus de temps ce jour-là&#xa0;: planifiez la visite un autre jour.</translation>
    </message>
    <message>
        <source>route.route_holds_visits_one_day_only</source>
        <translation>Un itinéraire contient les visites d’une seule journée.</translation>
    </message>
    <message>
        <source>scope.choose_team_or_rep_not_both</source>
        <translation>Choisissez une équipe ou un représentant, pas les deux.</translation>
    </message>
    <message>
        <source>scope.field_reps_dashboard_about_themselves_team</source>
        <translation>Le tableau de bord d’un représentant terrain porte sur lui-même&#xa0;: les indicateurs de l’équipe et de l’organisation sont pour les représentants internes et les gestionnaires.</translation>
    </message>
    <message>
        <source>scope.no_team_named</source>
        <translation>Aucune équipe nommée {name} dans ce profil.</translation>
    </message>
    <message>
        <source>scope.no_team_named_teams</source>
        <translation>Aucune équipe nommée {name} dans ce profil (équipes&#xa0;: {teams}).</translation>
    </message>
    <message>
        <source>scope.nobody_with_username_in_profile</source>
        <translation>Personne n’a le nom d’utilisateur {username} dans ce profil.</translation>
    </message>
    <message>
        <source>server.accepting_lead_plans_visit_give_visit</source>
        <translation>Accepter une piste planifie sa visite&#xa0;: indiquez la visite.</translation>
    </message>
    <message>
        <source>server.access_token_has_expired_refresh_it</source>
        <translation>Le jeton d&apos;accès est expiré&#xa0;: renouvelez-le ou reconnectez-vous.</translation>
    </message>
    <message>
        <source>server.access_token_missing_or_not_valid</source>
        <translation>Reconnectez-vous&#xa0;: le jeton d&apos;accès est absent ou n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>server.account_already_priority_for_day</source>
        <translation>Ce compte est déjà une priorité pour ce jour-là.</translation>
    </message>
    <message>
        <source>server.account_disabled</source>
        <translation>Ce compte d&apos;utilisateur est désactivé.</translation>
    </message>
    <message>
        <source>server.account_not_in_scope</source>
        <translation>Ce compte ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.account_still_has_contacts_visits_or</source>
        <translation>Ce compte a encore des contacts, des visites ou des notes.</translation>
    </message>
    <message>
        <source>server.account_was_already_handed_who_has</source>
        <translation>Ce compte a déjà été transféré à {value}, qui n’a pas encore répondu.</translation>
    </message>
    <message>
        <source>server.another_fieldapp_still_starting_or_stopping</source>
        <translation>Un autre FieldApp est encore en train de démarrer ou d’arrêter le serveur dans {data_dir}&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>server.at_most_mutations_per_request</source>
        <translation>Au plus {limit} modifications par requête.</translation>
    </message>
    <message>
        <source>server.briefing_lead_inside_teams_change</source>
        <translation>C’est à l’équipe interne de changer le breffage d’une piste.</translation>
    </message>
    <message>
        <source>server.busy_retry_after_time_given</source>
        <translation>Le serveur est occupé&#xa0;; réessayez après le délai indiqué.</translation>
    </message>
    <message>
        <source>server.call_needs_access_token</source>
        <translation>Cet appel exige un jeton d&apos;accès (Authorization: Bearer ...).</translation>
    </message>
    <message>
        <source>server.cannot_listen_on</source>
        <translation>Impossible d’écouter sur {host}:{port}&#xa0;: {strerror}</translation>
    </message>
    <message>
        <source>server.cannot_lock</source>
        <translation>Impossible de verrouiller {pending}.</translation>
    </message>
    <message>
        <source>server.cannot_open_database</source>
        <translation>Impossible d’ouvrir la base de données {shown}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>server.claimed_first_ask_them_release_or</source>
        <translation>{value} l’a pris en charge en premier&#xa0;: demandez-lui de le libérer, ou réassignez-le.</translation>
    </message>
    <message>
        <source>server.comment_needs_some_text</source>
        <translation>Un commentaire doit contenir du texte.</translation>
    </message>
    <message>
        <source>server.comment_not_handed_anyone</source>
        <translation>Un commentaire n’est transféré à personne.</translation>
    </message>
    <message>
        <source>server.could_not_seed_demo_server_in</source>
        <translation>Impossible de remplir le serveur de démonstration dans {data_dir}&#xa0;: {last}</translation>
    </message>
    <message>
        <source>server.covers_and_account_in_hand_rep</source>
        <translation>{rep} couvre {value}, et ce compte est dans {territory}&#xa0;: transférez-le à un représentant de {territory2}, ou confiez d’abord le compte à {rep2}.</translation>
    </message>
    <message>
        <source>server.cursor_ahead_servers_feed_was_server</source>
        <translation>Ce curseur est en avance sur le flux de ce serveur (le serveur a-t-il été restauré à partir d’une copie de sécurité&#xa0;?)&#xa0;: recommencez sans curseur.</translation>
    </message>
    <message>
        <source>server.cursor_not_issued_by_server</source>
        <translation>Ce curseur n&apos;a pas été émis par ce serveur.</translation>
    </message>
    <message>
        <source>server.database_busy_try_again_shortly</source>
        <translation>La base de données du serveur est occupée&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>server.failed_to_apply_change</source>
        <translation>Le serveur n&apos;a pas pu appliquer cette modification&#xa0;; elle n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>server.field_cannot_change_create_new_record</source>
        <translation>Le champ «&#xa0;{name}&#xa0;» ne peut pas changer&#xa0;; créez plutôt une nouvelle fiche.</translation>
    </message>
    <message>
        <source>server.field_rep_needs_territory</source>
        <translation>Un représentant terrain doit avoir un territoire.</translation>
    </message>
    <message>
        <source>server.follow_up</source>
        <translation>Ce suivi est à l’état «&#xa0;{was}&#xa0;».</translation>
    </message>
    <message>
        <source>server.follow_up_claimed_by_person_taking_only</source>
        <translation>Un suivi n’est pris en charge que par la personne qui le prend.</translation>
    </message>
    <message>
        <source>server.follow_up_created_in_own_name_only</source>
        <translation>Un suivi se crée à votre propre nom seulement.</translation>
    </message>
    <message>
        <source>server.give_account_owner_with_territory_or</source>
        <translation>Donnez au compte un responsable qui a un territoire, ou une ville de votre équipe.</translation>
    </message>
    <message>
        <source>server.give_exactly_one___hours_or___working_days</source>
        <translation>Indiquez exactement un de --hours ou --working-days.</translation>
    </message>
    <message>
        <source>server.hand_field_rep</source>
        <translation>Transférez-la à un représentant terrain.</translation>
    </message>
    <message>
        <source>server.hand_off_commented_on_not_in_scope</source>
        <translation>Le transfert commenté ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.hand_off_keeps_history_cancel_instead</source>
        <translation>Un transfert garde son historique&#xa0;: annulez-le plutôt.</translation>
    </message>
    <message>
        <source>server.have_no_field</source>
        <translation>Les {collection} n’ont pas de champ «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>server.history_hand_off_never_changed</source>
        <translation>L’historique d’un transfert ne change jamais.</translation>
    </message>
    <message>
        <source>server.http_refusal</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>server.lead</source>
        <translation>Cette piste est à l’état «&#xa0;{was}&#xa0;».</translation>
    </message>
    <message>
        <source>server.lead_handed_in_own_name_only</source>
        <translation>Une piste se transfère à votre propre nom seulement.</translation>
    </message>
    <message>
        <source>server.lead_keeps_history_withdraw_instead</source>
        <translation>Une piste garde son historique&#xa0;: retirez-la plutôt.</translation>
    </message>
    <message>
        <source>server.lead_not_waiting_for_answer</source>
        <translation>Cette piste est à l’état «&#xa0;{was}&#xa0;»&#xa0;: elle n’attend pas de réponse.</translation>
    </message>
    <message>
        <source>server.lead_was_accepted_add_note_instead</source>
        <translation>Cette piste a été acceptée&#xa0;: ajoutez plutôt une note.</translation>
    </message>
    <message>
        <source>server.lead_was_accepted_visit_carries_on</source>
        <translation>Cette piste a été acceptée&#xa0;; sa visite en prend le relais.</translation>
    </message>
    <message>
        <source>server.lead_was_withdrawn_hand_account_over</source>
        <translation>Cette piste a été retirée&#xa0;; transférez le compte de nouveau.</translation>
    </message>
    <message>
        <source>server.mutation_id_was_used_by_someone</source>
        <translation>Cet identifiant de modification a été utilisé par quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>server.new_lead_handed_not_yet_answered</source>
        <translation>Une nouvelle piste est transférée, pas encore répondue.</translation>
    </message>
    <message>
        <source>server.new_lead_has_no_visit_and</source>
        <translation>Une nouvelle piste n’a encore ni visite ni réponse.</translation>
    </message>
    <message>
        <source>server.new_record_needs</source>
        <translation>Une nouvelle fiche doit avoir {value}.</translation>
    </message>
    <message>
        <source>server.no_collection</source>
        <translation>Il n’y a pas de collection «&#xa0;{collection}&#xa0;».</translation>
    </message>
    <message>
        <source>server.no_such_record_in</source>
        <translation>Il n’y a pas de telle fiche dans {collection}.</translation>
    </message>
    <message>
        <source>server.no_team_teams</source>
        <translation>Il n’y a pas d’équipe {team} (équipes&#xa0;: {listed}).</translation>
    </message>
    <message>
        <source>server.not_installed</source>
        <translation>{what} a besoin du serveur de référence, une partie facultative de FieldApp qui n&apos;est pas installée (manque&#xa0;: {missing})&#xa0;; installez-la avec&#xa0;: {command}</translation>
    </message>
    <message>
        <source>server.only_answers</source>
        <translation>Seul {value} y répond.</translation>
    </message>
    <message>
        <source>server.only_comments_written_from_laptop_server</source>
        <translation>Seuls les commentaires s’écrivent depuis un portable&#xa0;; le serveur écrit chaque étape.</translation>
    </message>
    <message>
        <source>server.only_field_rep_who_accepted_lead</source>
        <translation>Seul le représentant terrain qui a accepté la piste planifie sa visite.</translation>
    </message>
    <message>
        <source>server.only_inside_team_hands_lead_over</source>
        <translation>Seule l’équipe interne transfère ou retire une piste.</translation>
    </message>
    <message>
        <source>server.only_inside_team_reassigns_lead_return</source>
        <translation>Seule l’équipe interne réassigne une piste&#xa0;; renvoyez-la avec une raison.</translation>
    </message>
    <message>
        <source>server.only_lead_waiting_for_answer_reassigned</source>
        <translation>Seule une piste qui attend une réponse peut être réassignée.</translation>
    </message>
    <message>
        <source>server.only_open_follow_up_claimed</source>
        <translation>Seul un suivi ouvert peut être pris en charge.</translation>
    </message>
    <message>
        <source>server.only_person_who_completed_changes_outcome</source>
        <translation>Seule la personne qui l’a terminé peut en changer le résultat.</translation>
    </message>
    <message>
        <source>server.only_person_who_owes_follow_up_completes</source>
        <translation>Seule la personne qui doit ce suivi peut le terminer&#xa0;: prenez-le en charge.</translation>
    </message>
    <message>
        <source>server.outcome_given_when_follow_up_completed</source>
        <translation>Un résultat se donne quand le suivi est terminé.</translation>
    </message>
    <message>
        <source>server.password_grant_needs_username_and</source>
        <translation>Une connexion par mot de passe exige un nom d&apos;utilisateur et un mot de passe.</translation>
    </message>
    <message>
        <source>server.people_managed_on_server_not_from</source>
        <translation>Les personnes se gèrent sur le serveur, pas depuis un portable.</translation>
    </message>
    <message>
        <source>server.read_marks_id_derived_from_person</source>
        <translation>L’identifiant d’une marque de lecture découle de sa personne et de son élément.</translation>
    </message>
    <message>
        <source>server.reason_given_when_lead_returned_or</source>
        <translation>Une raison se donne quand une piste est renvoyée ou retirée.</translation>
    </message>
    <message>
        <source>server.record_not_in_scope</source>
        <translation>Cette fiche ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.record_someone_elses</source>
        <translation>Cette fiche appartient à quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>server.record_with_id_already_exists</source>
        <translation>Une fiche avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <source>server.refresh_grant_needs_refresh_token</source>
        <translation>Un renouvellement exige un refresh_token.</translation>
    </message>
    <message>
        <source>server.request_body_larger_than</source>
        <translation>Le corps de la requête dépasse {mib} Mio.</translation>
    </message>
    <message>
        <source>server.request_body_not_json</source>
        <translation>Le corps de la requête n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <source>server.request_part_invalid</source>
        <translation>{where}&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>server.reviewed_note_not_in_scope</source>
        <translation>La note révisée ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.role_must_one</source>
        <translation>Le rôle doit être l’une des valeurs {value}.</translation>
    </message>
    <message>
        <source>server.say_what_was_done_completed_hand_off</source>
        <translation>Dites ce qui a été fait&#xa0;: un transfert terminé doit avoir son résultat.</translation>
    </message>
    <message>
        <source>server.scope_changed_since_cursor_was_issued</source>
        <translation>Votre portée a changé depuis l’émission de ce curseur&#xa0;: recommencez sans curseur.</translation>
    </message>
    <message>
        <source>server.server_already_holds_data_seed_empty</source>
        <translation>Ce serveur contient déjà des données&#xa0;: remplissez une base de données vide.</translation>
    </message>
    <message>
        <source>server.server_database_at_revision_which_server</source>
        <translation>La base de données du serveur est à la révision {before}, que ce serveur ne connaît pas&#xa0;: elle a été migrée par un serveur FieldApp plus récent. Mettez celui-ci à jour&#xa0;; la base de données est restée telle quelle.</translation>
    </message>
    <message>
        <source>server.server_database_could_not_migrated_from</source>
        <translation>La base de données du serveur n’a pas pu être migrée depuis la révision {value}&#xa0;: une ligne ne correspond pas au nouveau schéma ({value2}). La base de données est restée telle quelle.</translation>
    </message>
    <message>
        <source>server.server_did_not_start_see</source>
        <translation>Le serveur n’a pas démarré&#xa0;; voir {log_path}.</translation>
    </message>
    <message>
        <source>server.server_failed_bug</source>
        <translation>Le serveur a échoué&#xa0;; c&apos;est un bogue.</translation>
    </message>
    <message>
        <source>server.server_started_but_never_answered_see</source>
        <translation>Le serveur a démarré mais n’a jamais répondu&#xa0;; voir {log_path}.</translation>
    </message>
    <message>
        <source>server.sign_in_has_ended_sign_in</source>
        <translation>Cette session est terminée&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>server.team_always_has_sla_policies_change</source>
        <translation>Une équipe a toujours des ententes de service&#xa0;: changez-les plutôt.</translation>
    </message>
    <message>
        <source>server.team_has_no_sla_policies_yet</source>
        <translation>L’équipe {team} n’a pas encore d’ententes de service&#xa0;: indiquez aussi sa --region.</translation>
    </message>
    <message>
        <source>server.team_has_sla_policies_change_them</source>
        <translation>L’équipe {value} a ses ententes de service&#xa0;: changez-les plutôt.</translation>
    </message>
    <message>
        <source>server.territory_belongs_team</source>
        <translation>Le territoire {name} appartient à l’équipe {team}.</translation>
    </message>
    <message>
        <source>server.territory_not_in_scope</source>
        <translation>Le territoire {territory} ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.territory_not_in_scope_2</source>
        <translation>Le territoire {new_territory} ne fait pas partie de votre portée.</translation>
    </message>
    <message>
        <source>server.territorys_name_cannot_start_with_or</source>
        <translation>Le nom d’un territoire ne peut pas commencer par {PERSONAL_PREFIX} ni être {EVERYONE}.</translation>
    </message>
    <message>
        <source>server.too_many_failed_sign_ins_wait</source>
        <translation>Trop de tentatives de connexion échouées&#xa0;: attendez avant de réessayer.</translation>
    </message>
    <message>
        <source>server.username_1_100_characters_with_no</source>
        <translation>Un nom d’utilisateur compte de 1 à 100 caractères, sans espace.</translation>
    </message>
    <message>
        <source>server.username_taken</source>
        <translation>Le nom d’utilisateur {username} est déjà pris.</translation>
    </message>
    <message>
        <source>server.visit_must_field_reps_at_account</source>
        <translation>La visite doit être celle du représentant terrain, à ce compte.</translation>
    </message>
    <message>
        <source>server.visit_was_planned_for_lead_cancel</source>
        <translation>Cette visite a été planifiée pour une piste&#xa0;: annulez-la plutôt.</translation>
    </message>
    <message>
        <source>server.wrong_username_or_password</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>startup.qt_could_not_start</source>
        <translation>la fenêtre ne peut pas s’ouvrir, car Qt n’a pas pu démarrer ({detail}). Sur Debian/Ubuntu&#xa0;: sudo apt install {packages} (voir {section}).</translation>
    </message>
    <message>
        <source>store.could_not_be_used</source>
        <translation>La base de données FieldApp {path} n’a pas pu être utilisée&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>store.damaged_or_not_fieldapp_database</source>
        <translation>{path} est endommagé ou n’est pas une base de données FieldApp ({exc}). Il n’a pas été touché. Pour récupérer vos données&#xa0;: {EXPORT_HINT}&#xa0;; puis {BACKUPS_HINT}.</translation>
    </message>
    <message>
        <source>store.disk_full</source>
        <translation>Le disque qui contient {path} est plein&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>store.in_use_by_another_program</source>
        <translation>La base de données FieldApp {path} est utilisée par un autre programme&#xa0;; fermez-le et réessayez. Si elle reste utilisée, {EXPORT_HINT}.</translation>
    </message>
    <message>
        <source>store.no_record_with_id</source>
        <translation>Aucune fiche {kind} avec l’identifiant {record_id}.</translation>
    </message>
    <message>
        <source>store.no_signed_in_user</source>
        <translation>Ce profil n’a pas encore d’utilisateur connecté&#xa0;: connectez-vous (ou créez un profil de démonstration) d’abord.</translation>
    </message>
    <message>
        <source>store.read_only</source>
        <translation>La base de données FieldApp {path} est en lecture seule&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>store.refused_rows_that_break_rules</source>
        <translation>La base de données FieldApp {path} a refusé des lignes qui enfreignent ses règles ({exc})&#xa0;; rien de cette modification n’a été enregistré.</translation>
    </message>
    <message>
        <source>sync.another_fieldapp_window_or_terminal_syncing</source>
        <translation>Un autre FieldApp (la fenêtre ou un terminal) synchronise ce profil en ce moment&#xa0;; cette synchronisation a été sautée et rien n’a été modifié.</translation>
    </message>
    <message>
        <source>sync.cancelled</source>
        <translation>Synchronisation annulée&#xa0;; tout ce qui a été reçu jusqu’ici est enregistré.</translation>
    </message>
    <message>
        <source>sync.cannot_reach_server_at_changes_kept</source>
        <translation>Impossible de joindre le serveur à {base_url}&#xa0;; vos modifications sont conservées et seront envoyées à la prochaine synchronisation ({what}).</translation>
    </message>
    <message>
        <source>sync.no_keyring</source>
        <translation>Cet ordinateur n’a pas de trousseau sécurisé pour les mots de passe, alors FieldApp ne peut pas retenir votre connexion&#xa0;: votre mot de passe vous sera demandé à chaque synchronisation.</translation>
    </message>
    <message>
        <source>sync.no_keyring_because</source>
        <translation>Cet ordinateur n’a pas de trousseau sécurisé pour les mots de passe, alors FieldApp ne peut pas retenir votre connexion&#xa0;: votre mot de passe vous sera demandé à chaque synchronisation. ({problem})</translation>
    </message>
    <message>
        <source>sync.not_signed_in_sign_in_sync</source>
        <translation>Vous n’êtes pas connecté&#xa0;: connectez-vous pour synchroniser.</translation>
    </message>
    <message>
        <source>sync.profile_belongs_on_use_another_profile</source>
        <translation>Ce profil appartient à {current} sur {current_server}&#xa0;; utilisez un autre profil (--profile) pour vous connecter sous une autre identité ou à un autre serveur.</translation>
    </message>
    <message>
        <source>sync.profile_not_signed_in_server_run</source>
        <translation>Ce profil n’est connecté à aucun serveur&#xa0;: lancez d’abord «&#xa0;fieldapp login&#xa0;».</translation>
    </message>
    <message>
        <source>sync.server_answered_for_mutations_were_not</source>
        <translation>Le serveur a répondu pour des modifications qui n’ont pas été envoyées.</translation>
    </message>
    <message>
        <source>sync.server_answered_mutation_with_unknown</source>
        <translation>Le serveur a répondu à une modification avec un «&#xa0;{status}&#xa0;» inconnu.</translation>
    </message>
    <message>
        <source>sync.server_answered_mutation_with_wrongly_typed</source>
        <translation>Le serveur a répondu à une modification avec une version du mauvais type.</translation>
    </message>
    <message>
        <source>sync.server_busy_and_asked_wait_s</source>
        <translation>Le serveur est occupé et demande d’attendre {wait} s&#xa0;; la prochaine synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>sync.server_cannot_continue_from_laptops_position</source>
        <translation>Le serveur ne peut pas reprendre à la position de ce portable dans son flux&#xa0;: {value}</translation>
    </message>
    <message>
        <source>sync.server_failed_next_sync_will_retry</source>
        <translation>Le serveur a échoué ({status})&#xa0;; la prochaine synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>sync.server_no_longer_accepts_sign_in_sign</source>
        <translation>Le serveur n’accepte plus cette connexion&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>sync.server_refused_request</source>
        <translation>Le serveur a refusé la requête ({status})&#xa0;: {value}</translation>
    </message>
    <message>
        <source>sync.server_sent_change_unknown_kind</source>
        <translation>Le serveur a envoyé une modification d’un type inconnu, «&#xa0;{collection}&#xa0;».</translation>
    </message>
    <message>
        <source>sync.server_sent_change_whose_record_has</source>
        <translation>Le serveur a envoyé une modification dont la fiche a un autre identifiant.</translation>
    </message>
    <message>
        <source>sync.server_sent_change_with_wrongly_typed</source>
        <translation>Le serveur a envoyé une modification avec une version du mauvais type.</translation>
    </message>
    <message>
        <source>sync.server_sent_malformed_conflict</source>
        <translation>Le serveur a envoyé un conflit mal formé.</translation>
    </message>
    <message>
        <source>sync.server_sent_not_object</source>
        <translation>Le serveur a envoyé un {where} qui n’est pas un objet.</translation>
    </message>
    <message>
        <source>sync.server_sent_record_with_wrongly_typed</source>
        <translation>Le serveur a envoyé une fiche {collection} dont «&#xa0;{name}&#xa0;» est du mauvais type.</translation>
    </message>
    <message>
        <source>sync.server_sent_records_do_not_fit</source>
        <translation>Le serveur a envoyé des fiches incompatibles entre elles&#xa0;; rien de cette page n’a été enregistré ({value}).</translation>
    </message>
    <message>
        <source>sync.server_sent_something_not_json</source>
        <translation>Le serveur a envoyé quelque chose qui n’est pas du JSON ({exc}).</translation>
    </message>
    <message>
        <source>sync.server_sent_unknown_change_operation</source>
        <translation>Le serveur a envoyé une opération de modification inconnue, «&#xa0;{op}&#xa0;».</translation>
    </message>
    <message>
        <source>sync.servers_answer_has_malformed_server_time</source>
        <translation>La réponse du serveur a un «&#xa0;server_time&#xa0;» mal formé.</translation>
    </message>
    <message>
        <source>sync.servers_answer_not_json_object</source>
        <translation>La réponse du serveur n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>sync.servers_answer_too_large_sync_page</source>
        <translation>La réponse du serveur est trop grande pour une page de synchronisation.</translation>
    </message>
    <message>
        <source>sync.servers_change_feed_holds_something_not</source>
        <translation>Le flux de modifications du serveur contient quelque chose qui n’est pas une modification.</translation>
    </message>
    <message>
        <source>sync.servers_has_wrongly_typed</source>
        <translation>Dans {where} du serveur, «&#xa0;{key}&#xa0;» est du mauvais type.</translation>
    </message>
    <message>
        <source>sync.servers_lacks</source>
        <translation>Il manque «&#xa0;{key}&#xa0;» dans {where} du serveur.</translation>
    </message>
    <message>
        <source>sync.servers_push_answer_holds_something_not</source>
        <translation>La réponse d’envoi du serveur contient quelque chose qui n’est pas un résultat.</translation>
    </message>
    <message>
        <source>sync.sign_in_again_with_fieldapp_login</source>
        <translation>{reason}Reconnectez-vous avec «&#xa0;fieldapp login&#xa0;», ou passez --password-stdin.</translation>
    </message>
    <message>
        <source>sync.too_many_failed_sign_ins_wait</source>
        <translation>Trop de tentatives de connexion échouées&#xa0;: attendez {minutes} min avant de réessayer.</translation>
    </message>
    <message>
        <source>sync.wrong_username_or_password_check_them</source>
        <translation>Nom d’utilisateur ou mot de passe erroné&#xa0;: vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>sync_issues.conflict_already_resolved_or_does_not</source>
        <translation>Ce conflit est déjà résolu ou n’existe pas.</translation>
    </message>
    <message>
        <source>sync_issues.field_cannot_be_empty</source>
        <translation>Le champ «&#xa0;{what}&#xa0;» ne peut pas être vide.</translation>
    </message>
    <message>
        <source>sync_issues.field_cannot_take_value</source>
        <translation>Le champ «&#xa0;{what}&#xa0;» ne peut pas prendre cette valeur.</translation>
    </message>
    <message>
        <source>sync_issues.must_finite_number</source>
        <translation>{label} doit être un nombre fini.</translation>
    </message>
    <message>
        <source>sync_issues.not_fields_kind</source>
        <translation>{label} n’est pas du type du champ.</translation>
    </message>
    <message>
        <source>sync_issues.record_no_longer_on_computer_discard</source>
        <translation>La fiche n’est plus sur cet ordinateur&#xa0;; abandonnez plutôt la modification.</translation>
    </message>
    <message>
        <source>sync_issues.refused_deletion_cannot_retried_discard</source>
        <translation>Une suppression refusée ne peut pas être réessayée&#xa0;; abandonnez-la.</translation>
    </message>
    <message>
        <source>sync_issues.rejected_change_already_handled_or_does</source>
        <translation>Cette modification refusée est déjà traitée ou n’existe pas.</translation>
    </message>
    <message>
        <source>sync_issues.too_large_number</source>
        <translation>{label} est un nombre trop grand.</translation>
    </message>
    <message>
        <source>visits.cannot_check_out_before_checking_in</source>
        <translation>Impossible de signaler le départ avant l’arrivée.</translation>
    </message>
    <message>
        <source>visits.cannot_visit</source>
        <translation>Impossible de {action}&#xa0;: la visite est à l’état «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>visits.check_in_before_logging_visit</source>
        <translation>Signalez votre arrivée avant de consigner la visite.</translation>
    </message>
    <message>
        <source>visits.check_out_cannot_before_check_in</source>
        <translation>Le départ ne peut pas précéder l’arrivée.</translation>
    </message>
    <message>
        <source>visits.completed_visit_needs_outcome</source>
        <translation>Une visite terminée doit avoir un résultat.</translation>
    </message>
    <message>
        <source>visits.completed_visit_needs_summary</source>
        <translation>Une visite terminée doit avoir un résumé.</translation>
    </message>
    <message>
        <source>visits.contact_met_not_contact_account</source>
        <translation>Un contact rencontré n’est pas un contact de ce compte.</translation>
    </message>
    <message>
        <source>visits.contacts_met_must_list_contact_ids</source>
        <translation>Les contacts rencontrés doivent être une liste d’identifiants de contacts.</translation>
    </message>
    <message>
        <source>visits.visit_appears_twice_in_route</source>
        <translation>Une visite figure deux fois dans l’itinéraire.</translation>
    </message>
    <message>
        <source>visits.visit_cannot_last_more_than_12</source>
        <translation>Une visite ne peut pas durer plus de 12 heures.</translation>
    </message>
    <message>
        <source>visits.visit_must_end_after_starts</source>
        <translation>Une visite doit finir après avoir commencé.</translation>
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
    <message>
        <source>due today</source>
        <translation>due aujourd&apos;hui</translation>
    </message>
    <message>
        <source>overdue %1 d</source>
        <translation>en retard de %1 j</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>Importer d&apos;un fichier CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import accounts from CSV</source>
        <translation>Importer des comptes d&apos;un fichier CSV</translation>
    </message>
    <message>
        <source>Import contacts from CSV</source>
        <translation>Importer des contacts d&apos;un fichier CSV</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Columns to fields</source>
        <translation>Colonnes et champs</translation>
    </message>
    <message>
        <source>* required. A column left unmapped is not imported.</source>
        <translation>* obligatoire. Une colonne associée à aucun champ n&apos;est pas importée.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Could not read this file: %1</source>
        <translation>Impossible de lire ce fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>des virgules</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>des points-virgules</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>des tabulations</translation>
    </message>
    <message>
        <source>%1: %2 rows, %3, separated by %4</source>
        <translation>%1&#xa0;: %2 lignes, %3, séparées par %4</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows:</source>
        <translation>Les %1 premières lignes sur %2&#xa0;:</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— non importé —</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>Choose the column of: %1.</source>
        <translation>Choisissez la colonne de&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Vérification de chaque ligne…</translation>
    </message>
    <message>
        <source>Already in FieldApp: skipped.</source>
        <translation>Déjà dans FieldApp&#xa0;: ignorée.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Importer %n ligne</numerusform>
            <numerusform>Importer %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready to import</source>
        <translation>
            <numerusform>%n ligne prête à importer</numerusform>
            <numerusform>%n lignes prêtes à importer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors (not imported)</source>
        <translation>
            <numerusform>%n avec des erreurs (non importée)</numerusform>
            <numerusform>%n avec des erreurs (non importées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in FieldApp</source>
        <translation>
            <numerusform>%n déjà dans FieldApp</numerusform>
            <numerusform>%n déjà dans FieldApp</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>%1 They wait in the outbox and reach the CRM with the next sync.</source>
        <translation>%1 Elles attendent dans la boîte d&apos;envoi et parviendront au CRM à la prochaine synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n ligne importée.</numerusform>
            <numerusform>%n lignes importées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n&apos;a été importé&#xa0;: %1</translation>
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
        <source>Show all items</source>
        <translation>Afficher tous les éléments</translation>
    </message>
    <message>
        <source>Nothing new in the last 30 days: feedback on your reports, pinned notes, leads and follow-ups for you arrive here with each sync.</source>
        <translation>Rien de nouveau depuis 30 jours&#xa0;: les rétroactions sur vos comptes rendus, les notes épinglées, les pistes et les suivis qui vous sont destinés arrivent ici à chaque synchronisation.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
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
        <translation>Conclue — gagnée</translation>
    </message>
    <message>
        <source>Closed — lost</source>
        <translation>Conclue — perdue</translation>
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
        <translation>Nouvelle rétroaction sur votre compte rendu</translation>
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
        <source>Note for the field</source>
        <translation>Note pour le terrain</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rétroaction</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>Réaffecté</translation>
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
        <translation>Pistes&#xa0;: visite planifiée</translation>
    </message>
    <message>
        <source>Leads: visit held</source>
        <translation>Pistes&#xa0;: visite tenue</translation>
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
        <translation>Pas encore terminée</translation>
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
        <source>Visits planned vs held</source>
        <translation>Visites prévues et tenues</translation>
    </message>
    <message>
        <source>Coverage of key accounts</source>
        <translation>Couverture des comptes clés</translation>
    </message>
    <message>
        <source>Accounts overdue for a visit</source>
        <translation>Comptes en retard de visite</translation>
    </message>
    <message>
        <source>Meeting to deal conversion</source>
        <translation>Conversion des rencontres en ventes</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Déplacements</translation>
    </message>
    <message>
        <source>Hand-offs on time</source>
        <translation>Transferts à temps</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>Dépassements d&apos;entente de service</translation>
    </message>
    <message>
        <source>Reports awaiting review</source>
        <translation>Comptes rendus à réviser</translation>
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
        <source>Account&apos;s city</source>
        <translation>Ville du compte</translation>
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
    <name>Languages</name>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
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
    <name>LinkLabel</name>
    <message>
        <source>No phone number</source>
        <translation>Aucun numéro de téléphone</translation>
    </message>
    <message>
        <source>Nothing on this computer opens %1.</source>
        <translation>Aucune application de cet ordinateur n&apos;ouvre les liens %1.</translation>
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
    <name>OpenFormats</name>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>Exporter le calendrier (.ics)…</translation>
    </message>
    <message>
        <source>Export contacts (vCard)…</source>
        <translation>Exporter les contacts (vCard)…</translation>
    </message>
    <message>
        <source>Export list as CSV</source>
        <translation>Exporter une liste en CSV</translation>
    </message>
    <message>
        <source>Accounts (as the list shows them)…</source>
        <translation>Comptes (comme la liste les affiche)…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>Contacts…</translation>
    </message>
    <message>
        <source>Review queue…</source>
        <translation>À réviser…</translation>
    </message>
    <message>
        <source>Key figures, every number…</source>
        <translation>Indicateurs, tous les chiffres…</translation>
    </message>
    <message>
        <source>Key figures: %1…</source>
        <translation>Indicateurs&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Import accounts from CSV…</source>
        <translation>Importer des comptes d&apos;un fichier CSV…</translation>
    </message>
    <message>
        <source>Import contacts from CSV…</source>
        <translation>Importer des contacts d&apos;un fichier CSV…</translation>
    </message>
    <message>
        <source>Calendar subscription…</source>
        <translation>Abonnement au calendrier…</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>FieldApp visits</source>
        <translation>Visites FieldApp</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) saved to %1</source>
        <translation>
            <numerusform>%n visite enregistrée dans %1</numerusform>
            <numerusform>%n visites enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) saved to %1</source>
        <translation>
            <numerusform>%n contact enregistré dans %1</numerusform>
            <numerusform>%n contacts enregistrés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n ligne enregistrée dans %1</numerusform>
            <numerusform>%n lignes enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
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
        <source>Every account is visited on time.</source>
        <translation>Tous les comptes sont visités dans les délais.</translation>
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
    <message>
        <source>%1 · drive from the previous stop: %2</source>
        <translation>%1 · trajet depuis l&apos;arrêt précédent : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
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
        <translation>Réaffecter le suivi</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>It stays due when it was: a reassignment is not an answer.</source>
        <translation>L&apos;échéance ne change pas&#xa0;: réaffecter n&apos;est pas répondre.</translation>
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
        <source>About the account</source>
        <translation>À propos du compte</translation>
    </message>
    <message>
        <source>Feedback for the field rep…</source>
        <translation>Rétroaction pour le représentant terrain…</translation>
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
        <translation>Envoyer la rétroaction</translation>
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
        <translation>Les comptes rendus de visite sont révisés par l’équipe interne&#xa0;; ici, vous pouvez les lire, ajouter un suivi et ouvrir le compte.</translation>
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
        <source>No visit report matches these filters.</source>
        <translation>Aucun compte rendu de visite ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>All caught up: every visit report has been reviewed.</source>
        <translation>Tout est à jour&#xa0;: chaque compte rendu de visite a été révisé.</translation>
    </message>
    <message>
        <source>Open the work queue</source>
        <translation>Ouvrir À faire</translation>
    </message>
    <message>
        <source>Every visit report you wrote has been reviewed.</source>
        <translation>Chaque compte rendu de visite que vous avez rédigé a été révisé.</translation>
    </message>
    <message>
        <source>Open Today</source>
        <translation>Ouvrir Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Rien à réviser.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>par %1</translation>
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
        <translation>Rétroaction enregistrée&#xa0;; elle sera envoyée à %1 à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Feedback sent to %1.</source>
        <translation>Rétroaction envoyée à %1.</translation>
    </message>
    <message>
        <source>The server refused the feedback to %1: see the Sync page.</source>
        <translation>Le serveur a refusé la rétroaction destinée à %1&#xa0;: voyez la page Synchronisation.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Back in the queue: %1</source>
        <translation>De retour dans la file : %1</translation>
    </message>
</context>
<context>
    <name>RouteCanvas</name>
    <message>
        <source>From stop %1 to stop %2: %3</source>
        <translation>De l&apos;arrêt %1 à l&apos;arrêt %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>No stop of this day has a location.</source>
        <translation>Aucun arrêt de cette journée n&apos;a de position.</translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>No location: %1</source>
        <translation>Sans position : %1</translation>
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
    <message>
        <source>Open in maps</source>
        <translation>Ouvrir dans une carte</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search accounts (name or address), contacts and notes (Ctrl+K)</source>
        <translation>Rechercher des comptes (nom ou adresse), contacts et notes (Ctrl+K)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>a contact and their account</comment>
        <translation>%1 chez %2</translation>
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
        <translation>Ce que chaque équipe doit à l&apos;autre, et pour quand. Les heures comptent les nuits et les fins de semaine&#xa0;; les jours ouvrables sautent les fins de semaine et les jours fériés de la région. Les changements enregistrés parviennent à chaque portable à sa prochaine synchronisation.</translation>
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
        <translation>%1&#xa0;: un délai va de 1 à %2 %3 (pas %4). Rien n&apos;a été enregistré.</translation>
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
    <name>StopDetails</name>
    <message>
        <source>Stop</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <source>Choose a stop to see how to get there.</source>
        <translation>Choisissez un arrêt pour voir comment vous y rendre.</translation>
    </message>
    <message>
        <source>Open in maps</source>
        <translation>Ouvrir dans une carte</translation>
    </message>
    <message>
        <source>No location to open in maps</source>
        <translation>Aucune position à ouvrir dans une carte</translation>
    </message>
    <message>
        <source>Driving directions from the previous stop</source>
        <translation>Itinéraire en voiture depuis l&apos;arrêt précédent</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Aucun contact</translation>
    </message>
</context>
<context>
    <name>SubscriptionDialog</name>
    <message>
        <source>Subscribe to your visits</source>
        <translation>S&apos;abonner à vos visites</translation>
    </message>
    <message>
        <source>FieldApp keeps this file up to date after each change to a visit and each sync: the visits of the last 60 days and every later one. Add it to a calendar app that reads a file address (in Thunderbird: New Calendar, On the Network, with the address below) and your visits appear there; a cancelled visit is removed. A web calendar needs a web address: share this folder with a sync service to get one.</source>
        <translation>FieldApp tient ce fichier à jour après chaque modification d&apos;une visite et chaque synchronisation&#xa0;: les visites des 60 derniers jours et toutes les suivantes. Ajoutez-le à une application de calendrier qui lit l&apos;adresse d&apos;un fichier (dans Thunderbird&#xa0;: Nouvel agenda, Sur le réseau, avec l&apos;adresse ci-dessous) et vos visites y apparaissent&#xa0;; une visite annulée en disparaît. Un calendrier Web demande une adresse Web&#xa0;: partagez ce dossier avec un service de synchronisation pour en obtenir une.</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n&apos;a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
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
            <numerusform>%n réponse ou révision de vos comptes rendus</numerusform>
            <numerusform>%n réponses ou révisions de vos comptes rendus</numerusform>
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
        <translation>%1&#xa0;: double-cliquez ou appuyez sur Entrée pour voir les fiches derrière ce chiffre</translation>
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
        <translation>Jour ou semaine précédents (Alt+Gauche)</translation>
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
        <translation>Jour ou semaine suivants (Alt+Droite)</translation>
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
        <source>No visit planned for this day: add an account that is due for one.</source>
        <translation>Aucune visite planifiée ce jour-là&#xa0;: ajoutez un compte dont la visite est due.</translation>
    </message>
    <message>
        <source>Choose a due account</source>
        <translation>Choisir un compte à visiter</translation>
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
    <message>
        <source>Recompute ti&amp;mes</source>
        <translation>Recalculer les &amp;heures</translation>
    </message>
    <message>
        <source>Start each planned visit when the drive from the previous stop ends</source>
        <translation>Faire commencer chaque visite prévue à la fin du trajet depuis l&apos;arrêt précédent</translation>
    </message>
    <message>
        <source>Order optimised.</source>
        <translation>Ordre optimisé.</translation>
    </message>
    <message>
        <source>Start times planned from the drive between stops.</source>
        <translation>Heures de début calculées selon les trajets entre les arrêts.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Annulé.</translation>
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
        <translation>Signaler le départ&#xa0;: le compte rendu part à l&apos;équipe interne (Ctrl+Entrée)</translation>
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
        <translation>Visite terminée&#xa0;: le compte rendu est enregistré et sera envoyé à l’équipe interne à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Visit completed: the report was sent to the inside team.</source>
        <translation>Visite terminée&#xa0;: le compte rendu a été envoyé à l’équipe interne.</translation>
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
        <translation>↑↓ ou J/K&#xa0;: se déplacer · Entrée&#xa0;: ouvrir · Ctrl+Entrée&#xa0;: réviser, terminer ou transférer de nouveau · C&#xa0;: prendre en charge · M&#xa0;: commenter · R&#xa0;: réaffecter · W&#xa0;: retirer</translation>
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
        <translation>Réaffecter…</translation>
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
        <source>Nothing is waiting on you or your team: well done.</source>
        <translation>Rien n&apos;attend votre équipe ni vous&#xa0;: bravo.</translation>
    </message>
    <message>
        <source>Open the inbox</source>
        <translation>Ouvrir la réception</translation>
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
        <translation>Réaffecté&#xa0;: %1</translation>
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
