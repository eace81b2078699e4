// who_withdrew_when: one row per withdrawal, in date order, with the accusation that set it off.
// Same columns and rows as `endorsegraph withdrawals`. `trigger` is the latest accusation against
// the candidate certainly on or before the withdrawal; `days_after_trigger` is null unless both
// days are exact. Not here: `possible_triggers`, `cause` and `citations` (the report's own
// columns; `sources` lists the source ids, whose Article nodes carry outlet, url and published).
// @param candidate string optional: the candidate's id, name or alias (null: every candidate)
MATCH (a:Entity)-[w:WITHDREW]->(c:Entity)
WHERE $candidate IS NULL OR c.id = $candidate OR toLower(c.name) = toLower($candidate)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($candidate))
OPTIONAL MATCH (a)-[e:ENDORSED]->(c) WHERE e.id = w.endorsement
OPTIONAL MATCH (accuser:Entity)-[x:ACCUSED]->(c)
  WHERE coalesce(x.date, x.not_after) <= coalesce(w.date, w.not_before)
WITH a, w, c, e, accuser, x
ORDER BY coalesce(x.date, x.not_after) DESC,
         CASE WHEN x.date IS NULL THEN 1 ELSE 0 END DESC,
         coalesce(x.date, x.not_before, date('0001-01-01')) DESC
WITH a, w, c, e, collect(x)[0] AS x, collect(accuser)[0] AS accuser
RETURN w.date AS date,
       w.not_before AS not_before,
       w.not_after AS not_after,
       a.name AS endorser,
       a.kind AS endorser_kind,
       w.actor_title AS endorser_title,
       c.name AS candidate,
       w.race AS race,
       e.valid_from AS endorsed_on,
       e.valid_from_not_before AS endorsed_not_before,
       e.valid_from_not_after AS endorsed_not_after,
       coalesce(e.implied, false) AS implied,
       w.rank AS rank,
       CASE WHEN x IS NULL THEN null ELSE accuser.name + ' (' +
         CASE
           WHEN x.date IS NOT NULL THEN toString(x.date)
           WHEN x.not_before IS NOT NULL AND x.not_after IS NOT NULL
             THEN toString(x.not_before) + '..' + toString(x.not_after)
           WHEN x.not_after IS NOT NULL THEN 'by ' + toString(x.not_after)
           ELSE 'from ' + toString(x.not_before)
         END + ')' END AS trigger,
       CASE WHEN x.date IS NOT NULL AND w.date IS NOT NULL
         THEN duration.inDays(x.date, w.date).days END AS days_after_trigger,
       coalesce(w.conflicts, []) AS conflicts,
       w.group AS `group`,
       w.source_ids AS sources
ORDER BY coalesce(w.date, w.not_after, date('9999-12-31')),
         CASE WHEN w.date IS NULL THEN 1 ELSE 0 END,
         coalesce(w.date, w.not_before, date('0001-01-01')),
         toLower(a.name), toLower(c.name)
