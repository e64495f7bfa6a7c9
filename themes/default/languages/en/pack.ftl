# The quarterly review pack (review.html and its PDF) and the digest
# (digest.html), in English (docs/languages.md).

## The review pack

pack-title = Review pack { $quarter }
pack-html-title = { $name }: review pack { $quarter }
pack-kicker = Quarterly business review · { $quarter } · { $spelled }
# Jul to Sep 2026
pack-quarter-spelled = { $from } to { $to } { $year }
# A month of the summary's grid: Aug 26
pack-month-short = { $month } { $year }
pack-month-abbr-1 = Jan
pack-month-abbr-2 = Feb
pack-month-abbr-3 = Mar
pack-month-abbr-4 = Apr
pack-month-abbr-5 = May
pack-month-abbr-6 = Jun
pack-month-abbr-7 = Jul
pack-month-abbr-8 = Aug
pack-month-abbr-9 = Sep
pack-month-abbr-10 = Oct
pack-month-abbr-11 = Nov
pack-month-abbr-12 = Dec
pack-prepared-for = Prepared for <strong>{ $client }</strong> and <strong>{ $provider }</strong>
pack-edition-shared = shared edition
pack-edition-internal = internal edition
pack-internal-edition = Internal edition — not for the partner
# A party and its owner: Acme (Jane Roe)
pack-party-owner = { $party } ({ $owner })
pack-party-client = { $party } (client)
pack-party-client-owner = { $party } (client, { $owner })
pack-party-provider = { $party } (provider)
pack-party-provider-owner = { $party } (provider, { $owner })
pack-parties-shared = Client: { $client } · Provider: { $provider } · Phase: { $phase }. Both parties read the same figures.
pack-parties-internal = { $client } and { $provider } · Phase: { $phase }. Items marked <span class="tag tag-internal">internal</span> are left out of the shared edition (<code>--audience shared</code>).
pack-dates = Quarter <span class="nowrap">{ $first }</span> to <span class="nowrap">{ $last }</span> · figures as they stood on <span class="nowrap">{ $figures }</span> · built <span class="nowrap">{ $built }</span>
# The printed pack's running footer.
pack-footer = { $name } · review { $quarter } · { $edition }
pack-page-of = page { $page } of { $pages }
pack-nav-label = Review packs
pack-nav-report = Back to the report
pack-nav-previous = Previous quarter ({ $quarter })
pack-nav-next = Next quarter ({ $quarter })
pack-nav-pdf = This pack as PDF
pack-nav-print = Laid out for A4: print or save as PDF from the browser.
pack-tag-internal = internal
pack-tag-sla = SLA

## The summary page

pack-summary-h = Summary of the quarter
pack-partner-title = The health the partner's shared pack shows, without internal items
pack-partner-view = partner view: { $score }
pack-health-end = Health at the end of the quarter
pack-health-end-change = Health at the end of the quarter, { $change }
pack-change-none = unchanged over the quarter
pack-change-up = up { $points } over the quarter
pack-change-down = down { $points } over the quarter
pack-trend-label = Health over the quarter
pack-score-line = Performance score of the quarter <strong>{ $score }</strong>: provider's KPIs { $provider }, client's { $client }.
pack-grid-caption = Each SLA in each month of the quarter
pack-col-sla = SLA
pack-col-target = Target
pack-col-quarter = Quarter
pack-target-minimum = { $target }, min. { $minimum }
pack-credits-row = Service credits
pack-credit-of-fee = { $share }% of the fee
pack-settlement-payable = { $amount } payable
pack-settlement-pending = { $amount } pending earn-back
pack-settlement-earned-back = { $amount } earned back
# A counted KPI's quarter, pooled: 79.4% of 118,204
pack-pooled = { $share } of { $total }
pack-not-agreed = <strong>Figures not agreed:</strong>
pack-grid-note = A breach misses the target; a default misses the minimum and costs a service credit. Quarter: a counted KPI's three months pooled, excused months left out.
pack-grid-settlement = At the end of the quarter: { $settlement }.
pack-no-sla = No SLA agreed in the quarter.
pack-issues-h = Top issues
pack-issues-more = ({ $count } more among the flags in the detail)
pack-no-issues = No SLA miss, termination right, high risk or overdue action at the end of the quarter.
pack-decisions-h = Decisions needed
# Items past one page: (6 here, 2 more in the detail)
pack-more-here = ({ $here } here, <a href="#more">{ $more } more</a> in the detail)
pack-no-decisions = Nothing waits on a decision.
pack-wins-h = Wins
pack-no-wins = No target met throughout, milestone celebrated, goal done or praise recorded in the quarter.

## The detail and the appendix

pack-kpis-h = Detail: every KPI in the quarter
pack-kpis-intro = Performance score <strong>{ $score }</strong> over { $window }: provider's KPIs <strong>{ $provider }</strong>, client's KPIs <strong>{ $client }</strong>. SLA attainment over 12 months: { $attainment }.
pack-kpis-caption = Each KPI in each month of { $quarter }
pack-col-kpi = KPI
pack-col-owner = Owner
pack-col-score = Score
pack-kpi-pooled = quarter { $pooled }
pack-no-kpis = No KPI agreed.
pack-charts-h = Charts: 12 months to { $last }, { $quarter } shaded
pack-charts-note = Behind each KPI: green meets the target, amber is between the warning level and the target, red is beyond it; the grey column is the quarter. Gaps are months not reported. Each chart's data is in the appendix.
pack-data-link = Data table
pack-credits-h = Service credits
pack-at-risk = { $terms }. For { $span }: accrued <strong>{ $accrued }</strong>, payable <strong>{ $payable }</strong>, pending earn-back { $pending }, earned back { $earned }. Each breach and default is in the summary's grid.
pack-credits-due = { $terms }. Due for { $span }: <strong>{ $total }</strong>. Each breach is in the summary's grid.
pack-credits-caption = Service credits by month
pack-col-month = Month
pack-col-in-default = In default
pack-col-accrued = Accrued
pack-col-earned-back = Earned back
pack-col-pending = Pending
pack-col-payable = Payable
pack-col-breaches = Breaches
pack-col-credit = Credit
pack-col-amount = Amount
pack-no-credits = The contract sets no service credits.
pack-trust-h = Relationship survey
pack-trust-intro = Latest survey by the end of the quarter: { $month }. Mean gap { $gap } (a gap of { $limit } or more is flagged). Trust score <strong>{ $score }</strong>.
pack-no-survey = No survey by the end of the quarter.
pack-actions-h = Open actions
pack-actions-caption = Actions from notes up to { $date } that are not done
pack-no-actions = No open action at the end of the quarter.
pack-events-h = Milestones and meetings of the quarter
pack-milestones-h = Milestones
pack-no-milestones = No milestone dated in the quarter.
pack-meetings-h = Meetings held
pack-no-meetings = No note dated in the quarter.
pack-more-h = More decisions and wins
pack-decisions-more-h = Decisions needed, continued
pack-wins-more-h = Wins, continued
pack-flags-h = Every flag at the end of the quarter
pack-no-flags = Nothing to flag.
pack-health-h = Appendix: how the health score is made
pack-data-h = Appendix: the data of each chart

## Labels of the model and the analysis, as the pack and the digest show them

pack-sign-off-provisional = provisional
pack-sign-off-disputed = disputed
pack-status-met = met
pack-status-breach = breach
pack-status-default = default
pack-status-on-target = on target
pack-status-near-target = near target
pack-status-off-target = off target
pack-status-not-reported = not reported
pack-status-excused = excused
pack-status-low-volume = low volume
pack-status-baselining = baselining
pack-due-notice-deadline = notice deadline
pack-due-review-due = review due
pack-due-action-due = action due
pack-due-risk-mitigation-due = risk mitigation due
pack-due-goal-due = goal due
pack-due-milestone = milestone
pack-due-obligation-due = obligation due
pack-due-escalation-time-box-ends = escalation time box ends
pack-due-root-cause-due = root cause due

## The digest

pack-digest-title = Digest
pack-digest-engagement-title = { $name }: digest
pack-digest-kicker = { $site } · digest
pack-digest-h-engagement = { $name }: what changed
pack-digest-h-portfolio = What changed in the portfolio
pack-digest-span = From { $since } to { $as_of }. Built for: { $scope }.
pack-digest-open-report = Open the report
pack-digest-open-reports = Open the reports
pack-digest-health-h = Health
pack-digest-col-engagement = Engagement
pack-digest-col-change = Change
pack-digest-breaches-h = New SLA breaches
pack-digest-col-value = Value
pack-digest-default = <span class="rag rag-red">default</span> below the minimum { $minimum }
pack-digest-raised-h = Flags raised
pack-digest-cleared-h = Flags cleared
pack-digest-cleared = cleared
pack-digest-due-h = Due in the next { $days } days
pack-digest-notes-h = Notes
pack-digest-quiet = Nothing new in { $names }.
pack-digest-footer = Built by rapporteur on { $built } from the committed records. What changed compares the figures on { $since } with those on { $as_of }.

## Words of the printed pack only (the PDF)

pack-pdf-parties-internal = { $client } and { $provider } · Phase: { $phase }. Items marked "internal" are left out of the shared edition.
pack-pdf-survey-caption = Survey { $month }: client and provider, 1 to 5
pack-pdf-col-dimension = Dimension
pack-pdf-col-gap = Gap
pack-pdf-col-flag = Flag
pack-pdf-perception-gap = perception gap
pack-pdf-none = none
pack-pdf-col-action = Action
pack-pdf-col-due = Due
pack-pdf-col-state = State
pack-pdf-col-from = From
pack-pdf-celebrated = celebrated
pack-pdf-not-celebrated = not celebrated yet
pack-pdf-health-intro = Health <strong>{ $score }</strong> / 100 { $band }: the weighted mean of the components below.
pack-pdf-health-caption = How the health score is made
pack-pdf-col-component = Component
pack-pdf-col-weight = Weight
pack-pdf-col-share = Share
pack-pdf-meeting-actions = { $count ->
    [one] { $count } action
   *[other] { $count } actions
}
pack-side-client = Client
pack-side-provider = Provider
pack-band-no-data = no data
# The printed pack's page number: "page 3 of 6".
pack-print-page = page
pack-print-of = of
