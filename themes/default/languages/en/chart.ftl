# The charts' own words (docs/languages.md): legends, descriptions, the
# data tables behind them, and the words render gives the charts.

# Whether labels read inside a sentence are put in lower case ("Hours
# worked by month"): `lower`, or `keep` for a language that capitalises
# nouns.
chart-sentence-case = lower

## Axis months: "Sep 26"

chart-month-short-1 = Jan
chart-month-short-2 = Feb
chart-month-short-3 = Mar
chart-month-short-4 = Apr
chart-month-short-5 = May
chart-month-short-6 = Jun
chart-month-short-7 = Jul
chart-month-short-8 = Aug
chart-month-short-9 = Sep
chart-month-short-10 = Oct
chart-month-short-11 = Nov
chart-month-short-12 = Dec

## Legends, notices and table headers

chart-actual = Actual
chart-in-progress = In progress
chart-excused = Excused
chart-not-judged = Not judged
chart-provisional = Provisional
chart-disputed = Disputed
chart-no-data = No data reported
chart-unavailable = Chart unavailable: see the data table
chart-month = Month
chart-note = Note
chart-yes = yes
chart-no = no
# A bar's flag column for the month in progress.
chart-cell-bar-in-progress = in progress
# A table cell of the month in progress.
chart-cell-in-progress = { $value } (in progress)
chart-likelihood = Likelihood
chart-impact = Impact
chart-impact-n = Impact { $n }
chart-gap-label = gap { $gap }
chart-grouped-spread-header = { $series } lowest–highest
chart-grouped-gap-header = Gap ({ $first } − { $second })
chart-shade-red = red
chart-shade-orange = orange
chart-shade-amber = amber
chart-shade-green = green
chart-shade-grey = grey

## Descriptions, built piece by piece: each piece after the first starts
## with its own punctuation.

chart-nothing-reported = : nothing reported.
chart-items = : { $items }
chart-series-no-months = { $name }: no months to show.
chart-series-per-month = { $name } per month, { $from } to { $to }
chart-series-target = , against a target of { $value } ({ $direction })
chart-series-target-amended = , against a target amended to { $value } ({ $direction })
chart-series-latest = : latest { $value } in { $month }
chart-series-meeting = , meeting the target
chart-series-missing = , missing the target
chart-series-nothing = : nothing reported
chart-series-months-not-reported = , { $count ->
    [one] { $count } month
   *[other] { $count } months
} not reported
chart-series-in-progress-at = , { $month } in progress at { $value }
chart-series-in-progress = , { $month } in progress
chart-series-shaded = ; { $label } ({ $from } to { $to }) shaded
chart-spark-nothing = { $name }: nothing reported.
chart-spark-latest = { $name }: latest { $value } ({ $month })
chart-spark-shade = , { $shade }
chart-spark-from = , from { $value } in { $month }
chart-bars-by = { $value } by { $category }
chart-bars-latest = , { $from } to { $to }: latest { $value } ({ $label })
chart-bars-reference = ; { $name } { $value }
chart-bars-reference-varies = ; { $name } varies
chart-bars-none-flagged = ; none { $name }
chart-bars-flagged = ; { $count ->
    [one] { $count } bar
   *[other] { $count } bars
} { $name }: { $labels }
chart-grouped-by = { $value } by { $category } for { $series }
chart-grouped-largest-gap = ; largest gap { $gap } on { $category }
chart-grouped-largest-gap-flagged = ; largest gap { $gap } on { $category }, flagged
chart-grouped-whiskers = Each whisker runs from the lowest to the highest answer.
chart-heat-no-risks = No risks to plot by likelihood and impact.
chart-heat-class-count = { $count } { $class }
chart-heat-desc = { $count ->
    [one] { $count } risk
   *[other] { $count } risks
} by likelihood and impact: { $classes }.

## The charts of a report, as render words them

chart-higher-is-better = higher is better
chart-lower-is-better = lower is better
chart-actual-in = Actual ({ $unit })
chart-note-excused = excused: { $reason }
chart-note-baselining = baselining
chart-note-low-volume = low volume
chart-target = Target
chart-minimum = Minimum
chart-kpi-title = { $kpi } against target
chart-sla-title = SLA attainment, last 12 months
chart-sla-category = SLA KPI
chart-sla-value = Months on target (%)
chart-sla-reference = Every month on target
chart-sla-flagged = Breached in some months
chart-workload-title = Hours worked against capacity
chart-workload-value = Hours worked (h)
chart-workload-reference = Capacity + { $limit }% overtime limit
chart-workload-flagged = Over the overtime limit
chart-cadence-title = Check-ins held against the agreed cadence
chart-cadence-value = Check-ins and reviews held
chart-cadence-reference = Expected by the cadence
chart-cadence-flagged = Fewer than expected
chart-feedback-title = Feedback by side and kind, { $from } to { $to }
chart-feedback-category = Kind
chart-feedback-value = Items
chart-feedback-praise = Praise
chart-feedback-concern = Concern
chart-feedback-suggestion = Suggestion
chart-client = Client
chart-provider = Provider
# A side whose answers are too few to show.
chart-side-below-floor = { $side } (fewer than { $floor } responses)
chart-survey-title = Relationship survey { $month }: client and provider
chart-survey-category = Dimension
chart-survey-value = Score (1–5)
chart-dimension-trust = Trust
chart-dimension-communication = Communication
chart-dimension-collaboration = Collaboration
chart-dimension-respect = Respect
chart-dimension-goals = Goals
chart-nps-title = Net promoter score, last four survey months
chart-nps-value = NPS (−100 to 100)
chart-risk-low = low
chart-risk-medium = medium
chart-risk-high = high
chart-risk-critical = critical
chart-health-title = Health of { $name }, last 12 months
chart-health-value = Health (0–100)

## The escalations' timeline

chart-escalations-title = Escalations by level
chart-escalations-desc = { $count ->
    [one] { $count } escalation
   *[other] { $count } escalations
} by level from { $from } to { $to }: { $open } still open, { $past } past { $past ->
    [one] its
   *[other] their
} time box.
chart-escalation-level = Level { $level }
chart-escalation-no-time-box = no time box
chart-escalation-resolved-on = resolved on { $date }
chart-escalation-raised-on = raised on { $date }
chart-escalation-open-on = open on { $date }
chart-escalation-open-past = open, past its time box
chart-escalation-open = open
chart-escalations-resolved = Resolved within its time box
chart-escalations-past = Past its time box
chart-escalations-other = Within its time box, raised, or no time box
chart-escalations-still-open = Still open
chart-escalations-box-ends = Time box ends
chart-escalations-escalation = Escalation
chart-escalations-level = Level
chart-escalations-opened = Opened
chart-escalations-state = State
chart-risk-map-title = Open risks by likelihood and impact
chart-portfolio-risk-map-title = Open risks across the portfolio

## The chart partial (chart.html)

chart-data-table = Data table
