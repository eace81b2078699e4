// stood_by: who publicly stood by a candidate, and when, with the endorsement they reaffirmed.
// Same columns and rows as `endorsegraph stood-by`.
// @param candidate string optional: the candidate's id, name or alias (null: every candidate)
MATCH (a:Entity)-[s:STOOD_BY]->(c:Entity)
WHERE $candidate IS NULL OR c.id = $candidate OR toLower(c.name) = toLower($candidate)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($candidate))
OPTIONAL MATCH (a)-[e:ENDORSED]->(c) WHERE e.id = s.endorsement
RETURN s.date AS date,
       s.not_before AS not_before,
       s.not_after AS not_after,
       a.name AS endorser,
       a.kind AS endorser_kind,
       c.name AS candidate,
       s.race AS race,
       s.rank AS rank,
       e.valid_from AS endorsed_on,
       e.valid_from_not_before AS endorsed_not_before,
       e.valid_from_not_after AS endorsed_not_after,
       coalesce(e.implied, false) AS implied,
       e.ended_by AS ended_by,
       coalesce(s.conflicts, []) AS conflicts,
       s.source_ids AS sources
ORDER BY coalesce(s.date, s.not_after, date('9999-12-31')),
         CASE WHEN s.date IS NULL THEN 1 ELSE 0 END,
         coalesce(s.date, s.not_before, date('0001-01-01')),
         toLower(a.name), toLower(c.name)
