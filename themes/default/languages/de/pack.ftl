# Die Quartalsunterlagen (review.html und ihr PDF) und der Digest
# (digest.html), auf Deutsch (docs/languages.md).

## Die Quartalsunterlagen

pack-title = Quartalsunterlagen { $quarter }
pack-html-title = { $name }: Quartalsunterlagen { $quarter }
pack-kicker = Quartalsgespräch · { $quarter } · { $spelled }
pack-quarter-spelled = { $from } bis { $to } { $year }
pack-month-short = { $month } { $year }
pack-month-abbr-1 = Jan
pack-month-abbr-2 = Feb
pack-month-abbr-3 = Mär
pack-month-abbr-4 = Apr
pack-month-abbr-5 = Mai
pack-month-abbr-6 = Jun
pack-month-abbr-7 = Jul
pack-month-abbr-8 = Aug
pack-month-abbr-9 = Sep
pack-month-abbr-10 = Okt
pack-month-abbr-11 = Nov
pack-month-abbr-12 = Dez
pack-prepared-for = Erstellt für <strong>{ $client }</strong> und <strong>{ $provider }</strong>
pack-edition-shared = gemeinsame Ausgabe
pack-edition-internal = interne Ausgabe
pack-internal-edition = Interne Ausgabe – nicht für den Partner
pack-party-owner = { $party } ({ $owner })
pack-party-client = { $party } (Kunde)
pack-party-client-owner = { $party } (Kunde, { $owner })
pack-party-provider = { $party } (Dienstleister)
pack-party-provider-owner = { $party } (Dienstleister, { $owner })
pack-parties-shared = Kunde: { $client } · Dienstleister: { $provider } · Phase: { $phase }. Beide Seiten sehen dieselben Zahlen.
pack-parties-internal = { $client } und { $provider } · Phase: { $phase }. Als <span class="tag tag-internal">intern</span> markierte Punkte fehlen in der gemeinsamen Ausgabe (<code>--audience shared</code>).
pack-dates = Quartal <span class="nowrap">{ $first }</span> bis <span class="nowrap">{ $last }</span> · Zahlen mit Stand <span class="nowrap">{ $figures }</span> · erstellt <span class="nowrap">{ $built }</span>
pack-footer = { $name } · Quartal { $quarter } · { $edition }
pack-page-of = Seite { $page } von { $pages }
pack-nav-label = Quartalsunterlagen
pack-nav-report = Zurück zum Bericht
pack-nav-previous = Vorheriges Quartal ({ $quarter })
pack-nav-next = Nächstes Quartal ({ $quarter })
pack-nav-pdf = Diese Unterlagen als PDF
pack-nav-print = Für A4 gesetzt: im Browser drucken oder als PDF speichern.
pack-tag-internal = intern
pack-tag-sla = SLA

## Die Zusammenfassung

pack-summary-h = Zusammenfassung des Quartals
pack-partner-title = Der Zustandswert, den die gemeinsamen Unterlagen des Partners zeigen, ohne interne Punkte
pack-partner-view = Sicht des Partners: { $score }
pack-health-end = Zustandswert am Quartalsende
pack-health-end-change = Zustandswert am Quartalsende, { $change }
pack-change-none = im Quartal unverändert
pack-change-up = im Quartal um { $points } gestiegen
pack-change-down = im Quartal um { $points } gesunken
pack-trend-label = Zustandswert im Quartal
pack-score-line = Leistungswert des Quartals <strong>{ $score }</strong>: Kennzahlen des Dienstleisters { $provider }, des Kunden { $client }.
pack-grid-caption = Jedes SLA in jedem Monat des Quartals
pack-col-sla = SLA
pack-col-target = Zielwert
pack-col-quarter = Quartal
pack-target-minimum = { $target }, mind. { $minimum }
pack-credits-row = Gutschriften
pack-credit-of-fee = { $share } % der Vergütung
pack-settlement-payable = { $amount } fällig
pack-settlement-pending = { $amount } bis zur Rückverdienung offen
pack-settlement-earned-back = { $amount } zurückverdient
pack-pooled = { $share } von { $total }
pack-not-agreed = <strong>Zahlen nicht abgestimmt:</strong>
pack-grid-note = Ein SLA-Verstoß verfehlt den Zielwert; ein Ausfall verfehlt den Mindestwert und löst eine Gutschrift aus. Quartal: die drei Monate einer gezählten Kennzahl zusammengefasst, entschuldigte Monate ausgenommen.
pack-grid-settlement = Am Quartalsende: { $settlement }.
pack-no-sla = Kein SLA im Quartal vereinbart.
pack-issues-h = Wichtigste Probleme
pack-issues-more = ({ $count } weitere unter den Hinweisen im Detail)
pack-no-issues = Am Quartalsende kein SLA verfehlt, kein Kündigungsrecht, kein hohes Risiko und keine überfällige Maßnahme.
pack-decisions-h = Offene Entscheidungen
pack-more-here = ({ $here } hier, <a href="#more">{ $more } weitere</a> im Detail)
pack-no-decisions = Keine Entscheidung steht aus.
pack-wins-h = Erfolge
pack-no-wins = Im Quartal kein durchgehend erreichter Zielwert, kein gefeierter Meilenstein, kein erreichtes Ziel und kein Lob erfasst.

## Detail und Anhang

pack-kpis-h = Detail: jede Kennzahl im Quartal
pack-kpis-intro = Leistungswert <strong>{ $score }</strong> über { $window }: Kennzahlen des Dienstleisters <strong>{ $provider }</strong>, Kennzahlen des Kunden <strong>{ $client }</strong>. SLA-Erfüllung über 12 Monate: { $attainment }.
pack-kpis-caption = Jede Kennzahl in jedem Monat von { $quarter }
pack-col-kpi = Kennzahl
pack-col-owner = Zuständig
pack-col-score = Wert
pack-kpi-pooled = Quartal { $pooled }
pack-no-kpis = Keine Kennzahl vereinbart.
pack-charts-h = Diagramme: 12 Monate bis { $last }, { $quarter } hinterlegt
pack-charts-note = Hinter jeder Kennzahl: Grün erreicht den Zielwert, Gelb liegt zwischen Warnschwelle und Zielwert, Rot jenseits davon; die graue Spalte ist das Quartal. Lücken sind nicht gemeldete Monate. Die Daten jedes Diagramms stehen im Anhang.
pack-data-link = Datentabelle
pack-credits-h = Gutschriften
pack-at-risk = { $terms }. Für { $span }: aufgelaufen <strong>{ $accrued }</strong>, fällig <strong>{ $payable }</strong>, bis zur Rückverdienung offen { $pending }, zurückverdient { $earned }. Jeder Verstoß und Ausfall steht im Raster der Zusammenfassung.
pack-credits-due = { $terms }. Fällig für { $span }: <strong>{ $total }</strong>. Jeder Verstoß steht im Raster der Zusammenfassung.
pack-credits-caption = Gutschriften nach Monat
pack-col-month = Monat
pack-col-in-default = Ausgefallen
pack-col-accrued = Aufgelaufen
pack-col-earned-back = Zurückverdient
pack-col-pending = Offen
pack-col-payable = Fällig
pack-col-breaches = Verstöße
pack-col-credit = Gutschrift
pack-col-amount = Betrag
pack-no-credits = Der Vertrag sieht keine Gutschriften vor.
pack-trust-h = Beziehungsumfrage
pack-trust-intro = Letzte Umfrage bis zum Quartalsende: { $month }. Mittlere Abweichung { $gap } (ab { $limit } wird sie markiert). Vertrauenswert <strong>{ $score }</strong>.
pack-no-survey = Keine Umfrage bis zum Quartalsende.
pack-actions-h = Offene Maßnahmen
pack-actions-caption = Nicht erledigte Maßnahmen aus Notizen bis { $date }
pack-no-actions = Keine offene Maßnahme am Quartalsende.
pack-events-h = Meilensteine und Termine des Quartals
pack-milestones-h = Meilensteine
pack-no-milestones = Kein Meilenstein im Quartal.
pack-meetings-h = Abgehaltene Termine
pack-no-meetings = Keine Notiz im Quartal.
pack-more-h = Weitere Entscheidungen und Erfolge
pack-decisions-more-h = Offene Entscheidungen, Fortsetzung
pack-wins-more-h = Erfolge, Fortsetzung
pack-flags-h = Alle Hinweise am Quartalsende
pack-no-flags = Keine Hinweise.
pack-health-h = Anhang: wie der Zustandswert entsteht
pack-data-h = Anhang: die Daten jedes Diagramms

## Bezeichnungen aus Modell und Analyse, wie Unterlagen und Digest sie zeigen

pack-sign-off-provisional = vorläufig
pack-sign-off-disputed = strittig
pack-status-met = erfüllt
pack-status-breach = Verstoß
pack-status-default = Ausfall
pack-status-on-target = im Ziel
pack-status-near-target = knapp am Ziel
pack-status-off-target = verfehlt
pack-status-not-reported = nicht gemeldet
pack-status-excused = entschuldigt
pack-status-low-volume = geringe Menge
pack-status-baselining = Basislinie
pack-due-notice-deadline = Kündigungsfrist
pack-due-review-due = Überprüfung fällig
pack-due-action-due = Maßnahme fällig
pack-due-risk-mitigation-due = Risikominderung fällig
pack-due-goal-due = Ziel fällig
pack-due-milestone = Meilenstein
pack-due-obligation-due = Pflicht fällig
pack-due-escalation-time-box-ends = Eskalationsfrist endet
pack-due-root-cause-due = Ursachenanalyse fällig

## Der Digest

pack-digest-title = Monatsüberblick
pack-digest-engagement-title = { $name }: Monatsüberblick
pack-digest-kicker = { $site } · Monatsüberblick
pack-digest-h-engagement = { $name }: was sich geändert hat
pack-digest-h-portfolio = Was sich im Portfolio geändert hat
pack-digest-span = Vom { $since } bis zum { $as_of }. Erstellt für: { $scope }.
pack-digest-open-report = Zum Bericht
pack-digest-open-reports = Zu den Berichten
pack-digest-health-h = Zustand
pack-digest-col-engagement = Mandat
pack-digest-col-change = Veränderung
pack-digest-breaches-h = Neue SLA-Verstöße
pack-digest-col-value = Wert
pack-digest-default = <span class="rag rag-red">Ausfall</span> unter dem Mindestwert { $minimum }
pack-digest-raised-h = Neue Hinweise
pack-digest-cleared-h = Erledigte Hinweise
pack-digest-cleared = erledigt
pack-digest-due-h = Fällig in den nächsten { $days } Tagen
pack-digest-notes-h = Notizen
pack-digest-quiet = Nichts Neues bei { $names }.
pack-digest-footer = Von rapporteur am { $built } aus den eingecheckten Daten erstellt. Verglichen werden die Zahlen vom { $since } mit denen vom { $as_of }.

## Nur in den gedruckten Unterlagen (PDF)

pack-pdf-parties-internal = { $client } und { $provider } · Phase: { $phase }. Als „intern“ markierte Punkte fehlen in der gemeinsamen Ausgabe.
pack-pdf-survey-caption = Umfrage { $month }: Kunde und Dienstleister, 1 bis 5
pack-pdf-col-dimension = Dimension
pack-pdf-col-gap = Abweichung
pack-pdf-col-flag = Hinweis
pack-pdf-perception-gap = Wahrnehmungslücke
pack-pdf-none = keiner
pack-pdf-col-action = Maßnahme
pack-pdf-col-due = Fällig
pack-pdf-col-state = Stand
pack-pdf-col-from = Aus
pack-pdf-celebrated = gefeiert
pack-pdf-not-celebrated = noch nicht gefeiert
pack-pdf-health-intro = Zustandswert <strong>{ $score }</strong> / 100 { $band }: das gewichtete Mittel der Bestandteile unten.
pack-pdf-health-caption = Wie der Zustandswert entsteht
pack-pdf-col-component = Bestandteil
pack-pdf-col-weight = Gewicht
pack-pdf-col-share = Anteil
pack-pdf-meeting-actions = { $count ->
    [one] { $count } Maßnahme
   *[other] { $count } Maßnahmen
}
pack-side-client = Kunde
pack-side-provider = Dienstleister
pack-band-no-data = keine Daten
# The printed pack's page number: "Seite 3 von 6".
pack-print-page = Seite
pack-print-of = von
