// withdrawal_cascade: how fast the withdrawals came after the first accusation, day by day.
// One row per day with withdrawals of an exact date: the lag in days after the candidate's
// earliest accusation with an exact date, how many withdrew that day, the running total, and who.
// Withdrawals known only within bounds are left out (their day is not known).
// @param candidate string: the candidate's id, name or alias
MATCH (accuser:Entity)-[x:ACCUSED]->(c:Entity)
WHERE x.date IS NOT NULL
  AND (c.id = $candidate OR toLower(c.name) = toLower($candidate)
       OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($candidate)))
WITH c, x, accuser ORDER BY x.date
WITH c, collect(x)[0] AS trigger, collect(accuser)[0] AS accuser
MATCH (a:Entity)-[w:WITHDREW]->(c)
WHERE w.date IS NOT NULL AND w.date >= trigger.date
WITH c, trigger, accuser, w.date AS day, a.name AS endorser ORDER BY endorser
WITH c, trigger, accuser, day, collect(endorser) AS endorsers ORDER BY day
WITH c, trigger, accuser, collect({day: day, endorsers: endorsers}) AS days
UNWIND range(0, size(days) - 1) AS i
RETURN days[i].day AS date,
       duration.inDays(trigger.date, days[i].day).days AS days_after_trigger,
       accuser.name AS trigger,
       size(days[i].endorsers) AS withdrawals,
       reduce(total = 0, d IN days[0..i + 1] | total + size(d.endorsers)) AS cumulative,
       days[i].endorsers AS endorsers
ORDER BY date
