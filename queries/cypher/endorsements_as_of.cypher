// endorsements_as_of: endorsements in force on a day, and those that may be ('uncertain').
// Same columns and rows as `endorsegraph asof DATE`. In force: certainly started on or before the
// day and certainly not ended by it; not in force: certainly started after it or certainly ended
// on or before it; otherwise uncertain. effective_rank: position among the endorser's ranked
// endorsements in force that day.
// @param on date: the day (--param on=date:2021-05-02)
// @param candidate string optional: the candidate's id, name or alias (null: every candidate)
MATCH (a:Entity)-[e:ENDORSED]->(c:Entity)
WHERE $candidate IS NULL OR c.id = $candidate OR toLower(c.name) = toLower($candidate)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($candidate))
WITH a, e, c, date($on) AS day
WITH a, e, c, day,
     CASE
       WHEN coalesce(e.valid_from, e.valid_from_not_before) > day
         OR (e.ended_by IS NOT NULL AND coalesce(e.valid_to, e.valid_to_not_after) <= day)
         THEN 'not in force'
       WHEN coalesce(e.valid_from, e.valid_from_not_after) <= day
         AND (e.ended_by IS NULL OR coalesce(e.valid_to, e.valid_to_not_before) > day)
         THEN 'in force'
       ELSE 'uncertain'
     END AS status
WHERE status <> 'not in force'
RETURN a.name AS endorser,
       a.kind AS endorser_kind,
       c.name AS candidate,
       e.race AS race,
       e.rank AS rank,
       CASE WHEN status = 'in force' AND e.rank IS NOT NULL THEN 1 + COUNT {
         MATCH (a)-[o:ENDORSED]->()
         WHERE o.rank < e.rank
           AND coalesce(o.valid_from, o.valid_from_not_after) <= day
           AND (o.ended_by IS NULL OR coalesce(o.valid_to, o.valid_to_not_before) > day)
       } END AS effective_rank,
       status,
       e.valid_from AS started_on,
       e.valid_from_not_before AS started_not_before,
       e.valid_from_not_after AS started_not_after,
       e.implied AS implied,
       e.group AS `group`,
       coalesce(e.interval_conflicts, []) AS conflicts,
       e.source_ids AS sources
ORDER BY c.name,
         CASE WHEN status = 'in force' THEN 0 ELSE 1 END,
         coalesce(e.valid_from, e.valid_from_not_after, date('9999-12-31')),
         CASE WHEN e.valid_from IS NULL THEN 1 ELSE 0 END,
         coalesce(e.valid_from, e.valid_from_not_before, date('0001-01-01')),
         toLower(a.name)
