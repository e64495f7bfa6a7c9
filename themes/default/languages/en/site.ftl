# The portfolio and register pages, the search page, the footer's scope
# and the feeds (docs/languages.md).

## The build's scope, in the footer of every page

site-scope-internal = internal: all items
site-scope-shared = shared with the partner: internal items left out
site-scope-client = client { $client } only
site-scope-provider = provider { $provider } only

## The portfolio

site-attention-heading = Needs attention
site-attention-lede = As of { $date }: { $summary }. Most urgent first; each links to its place in the engagement's report.
# "2 critical and 9 warnings"
site-attention-summary = { $critical } critical and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
site-attention-more = { $count } more, later or less urgent
site-attention-none = Nothing needs attention as of { $date }.
site-portfolio-lede = { $count ->
    [one] { $count } engagement
   *[other] { $count } engagements
}, worst health first. Health links to its breakdown.
site-filter-engagements = Filter the engagements
site-filter-all-phases = All phases
site-filter-any-health = Any health
site-filter-all-clients = All clients
site-filter-all-providers = All providers
site-filter-show-all = Show all
site-portfolio-caption = Engagements
site-sort-hint = {" "}— select a column heading to sort
site-col-engagement = Engagement
site-col-client = Client
site-col-provider = Provider
site-col-phase = Phase
site-col-health = Health
site-col-sla-met = SLA met
site-col-open-risks = Open risks
site-col-overdue-actions = Overdue actions
site-col-last-check-in = Last check-in
site-col-next-deadline = Next deadline
site-col-contract-end = Contract end
site-flags = { $count ->
    [0] no flags
    [one] { $count } flag
   *[other] { $count } flags
}
site-critical-flags = , { $count } critical
site-partner-view-title = The health the partner's shared build shows: shared items only
site-partner-view = partner view: { $score }
site-none = none
site-no-sla-data = no SLA data
site-days-ago = { $days } days ago
site-risk-map-heading = Risk across the portfolio
site-risk-register-link = The portfolio risk register
site-open-actions-link = Open actions
site-deadline-notice-deadline = notice deadline
site-deadline-review-due = review due
site-deadline-action-due = action due
site-deadline-risk-mitigation-due = risk mitigation due
site-deadline-goal-due = goal due
site-deadline-milestone = milestone
site-deadline-obligation-due = obligation due
site-deadline-escalation-time-box-ends = escalation time box ends
site-deadline-root-cause-due = root cause due

## The registers: actions and risks

site-noun-actions = actions
site-noun-risks = risks
site-filter-register = Filter the { $noun }
site-filter-all-engagements = All engagements
site-filter-anyone = Anyone
site-filter-any-state = Any state
site-col-owner = Owner
site-col-state = State
site-col-due = Due
site-col-action = Action
site-col-agreed = Agreed
site-col-obligation = Obligation
site-col-owed-by = Owed by
site-state-open-overdue-included = Open, overdue included
site-state-overdue = Overdue
site-state-closed-90-days = Closed in the last 90 days
site-state-open-or-mitigating = Open or mitigating
site-state-mitigating = Mitigating
site-state-past-due = Past due
site-state-closed = Closed
site-group-open = Open
site-actions-lede = { $open } open action items in { $engagements } engagements, { $overdue } of them overdue; { $closed } closed in the last 90 days, folded under each engagement. The most overdue engagements come first. An engagement's name leads to its page, where each action links to the note it was agreed in.
site-jump = Go to an engagement
site-jump-note = Each name is followed by its number of open actions.
site-count-open = { $count } open
site-count-overdue = { $count } overdue
site-count-closed = { $count } closed
site-count-closed-90-days = { $count } closed in the last 90 days
site-open-actions-caption = Open actions
site-closed-actions-caption = Closed actions
site-actions-none = No open action, and none closed in the last 90 days.
site-actions-quiet = Nothing open or recently closed:
site-risks-lede-start = { $open } open or mitigating risks in { $engagements } engagements, total exposure { $exposure }
site-risks-lede-overdue = ; { $count } past their due date
site-risks-lede-end = . Engagements with the highest exposure come first, and in each the risks by exposure (likelihood × impact); closed risks are folded under each engagement.
site-risks-counts = { $count } open, exposure { $exposure }
site-risks-open-caption = Open risks of { $name }, by exposure
site-risks-closed-caption = Closed risks of { $name }
site-risks-none = No risk recorded.
site-risks-quiet = No risk recorded:

## Obligations on the actions page

site-obligations-heading = Obligations overdue or due soon
site-obligations-lede = { $overdue } overdue and { $due_soon } due in the next 14 days, across both sides. Each leads to the engagement's obligations register.
site-owed-by-providers = providers
site-owed-by-clients = clients
site-owed-by-heading = Owed by the { $side }
site-owed-by-caption = Obligations owed by the { $side }, overdue or due soon
site-obligations-none = Nothing overdue or due soon.
site-obligation-overdue = overdue
site-obligation-due-soon = due soon
site-obligation-upcoming = upcoming
site-obligation-fulfilled-late = fulfilled late
site-obligation-fulfilled = fulfilled
site-obligation-waived = waived

## The search page

site-search-lede = Engagements, meeting notes (titles and full text) and action items of this site. Everything runs in your browser, offline.
site-search-label = Words to find
site-search-button = Search
# The links are the theme's own; $root leads to the site's root.
site-search-noscript = Search runs in the browser and needs JavaScript. Without it, browse the <a href="{ $root }index.html">portfolio</a>, the <a href="{ $root }actions.html">open actions</a> or the <a href="{ $root }risks.html">risks</a>; the index is also published as <a href="{ $root }search-index.json">search-index.json</a>.

## The scripts' words (portfolio.js, registers.js, search.js): {name} is
## filled in by the script; plural forms are chosen there by count.

site-js-showing-all = Showing all { $total } engagements.
site-js-showing-some = Showing { $shown } of { $total } engagements.
site-js-register-showing = Showing { $shown } of { $total } { $noun }
site-js-register-folded = ; { $folded } more closed, folded under their engagement
site-js-search-missing = The search index could not be loaded: search-index.js is missing.
site-js-search-ready = Search { $engagements } engagements, { $notes } notes and { $actions } action items.
site-js-search-none = Nothing found for “{ $query }”.
site-js-search-found = { $count ->
    [one] { $n } result
   *[other] { $n } results
} for “{ $query }”
site-js-search-first = , the first { $limit } shown.
site-js-kind-note = Note

## The calendar of due dates (calendar.ics), read in people's calendars

site-ical-review-due = Review due: { $name }
site-ical-review-agreed = { $frequency } review agreed; { $last }.
site-ical-last-review = the last review was on { $date }
site-ical-no-review = no review since the start on { $date }
site-ical-frequency-weekly = Weekly
site-ical-frequency-biweekly = Biweekly
site-ical-frequency-monthly = Monthly
site-ical-frequency-quarterly = Quarterly
site-ical-action-due = Action due: { $text }
site-ical-action-description = { $name }. From the note "{ $note }" of { $date }.{ $overdue }
site-ical-overdue = {" "}It is overdue.
site-ical-risk-due = Risk mitigation due: { $title }
site-ical-risk-description = { $name }. Rated { $rating } ({ $likelihood } × { $impact }).{ $mitigation }
site-ical-mitigation = {" "}Mitigation: { $mitigation }
site-ical-notice-deadline = Renewal notice deadline: { $name }
site-ical-notice-description = Last day to give notice before the contract ends on { $date }.
site-ical-contract-ends = Contract ends: { $name }
site-ical-contract-end-description = { $name }: the contract's end date.
site-ical-milestone = Milestone: { $title }
site-ical-milestone-description = { $name }.{ $celebrated }
site-ical-celebrated = {" "}Celebrated.
site-ical-obligation-due = Obligation due: { $title }
site-ical-obligation-description = { $name }. Owed by { $party } ({ $side }); { $state }.
site-ical-side-client = client
site-ical-side-provider = provider
site-ical-escalation-due = Escalation time box ends: { $title }
site-ical-escalation-description = { $name }. Opened on { $date } at { $level }; { $next }.
site-ical-level = level { $level }
site-ical-level-named = level { $level } ({ $name })
site-ical-top-of-ladder = it is at the top of the ladder
site-ical-raise-to = still open after this day, raise it to { $level }
site-ical-rca-due = Root cause due: { $kpi } in { $month }
site-ical-rca-description = { $name }. A note with `rca: {"{"} kpi: { $kpi }, month: { $month } {"}"}` explains the breach.
site-ical-category-review = Review
site-ical-category-action = Action
site-ical-category-risk = Risk
site-ical-category-contract = Contract
site-ical-category-milestone = Milestone
site-ical-category-obligation = Obligation
site-ical-category-escalation = Escalation
site-ical-category-rca = Root cause

## The Atom feed of notes (feed.xml)

site-feed-title = { $site } — notes
site-feed-subtitle = Meeting notes of the portfolio, as of { $date }; { $scope }.

## The search index's words (search-index.js)

site-search-engagement-context = { $client } and { $provider } · { $phase }
site-search-action-context = { $name } · action from { $note }
site-search-action-open = open
site-search-action-overdue = overdue
site-search-action-done = done
