// withdrawal_cascade: how fast the withdrawals came after the first accusation, day by day.
// One row per day with withdrawals of an exact date, then one row per pair of bounds for the
// withdrawals known only within bounds (date null, not_before/not_after given), in date order:
// the lag in days after the trigger (exact days only), how many withdrew, the running total,
// and who. The trigger rule differs from `withdrawals` (which takes, per withdrawal, the latest
// accusation certainly before it) and is stated in the `trigger_rule` column: the candidate's
// earliest exactly dated accusation; withdrawals that may fall on or after it are counted.
// @param candidate string: the candidate's id, name or alias
MATCH (accuser:Entity)-[x:ACCUSED]->(c:Entity)
WHERE x.date IS NOT NULL
  AND (c.id = $candidate OR toLower(c.name) = toLower($candidate)
       OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($candidate)))
WITH c, x, accuser ORDER BY x.date
WITH c, collect(x)[0] AS trigger, collect(accuser)[0] AS accuser
MATCH (a:Entity)-[w:WITHDREW]->(c)
WHERE coalesce(w.date, w.not_after) IS NULL OR coalesce(w.date, w.not_after) >= trigger.date
WITH c, trigger, accuser, w.date AS day,
     CASE WHEN w.date IS NULL THEN w.not_before END AS not_before,
     CASE WHEN w.date IS NULL THEN w.not_after END AS not_after,
     a.name AS endorser
ORDER BY endorser
WITH c, trigger, accuser, day, not_before, not_after, collect(endorser) AS endorsers
ORDER BY coalesce(day, not_after, date('9999-12-31')),
         CASE WHEN day IS NULL THEN 1 ELSE 0 END,
         coalesce(day, not_before, date('0001-01-01'))
WITH c, trigger, accuser,
     collect({day: day, not_before: not_before, not_after: not_after, endorsers: endorsers}) AS days
UNWIND range(0, size(days) - 1) AS i
RETURN days[i].day AS date,
       days[i].not_before AS not_before,
       days[i].not_after AS not_after,
       CASE WHEN days[i].day IS NOT NULL
         THEN duration.inDays(trigger.date, days[i].day).days END AS days_after_trigger,
       accuser.name AS trigger,
       size(days[i].endorsers) AS withdrawals,
       reduce(total = 0, d IN days[0..i + 1] | total + size(d.endorsers)) AS cumulative,
       days[i].endorsers AS endorsers,
       'earliest exactly dated accusation; withdrawals that may follow it' AS trigger_rule
