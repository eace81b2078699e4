// entity_neighbourhood: every relationship of one entity, in and out, with dates and sources.
// @param name string: the entity's id, name or alias
MATCH (n:Entity)
WHERE n.id = $name OR toLower(n.name) = toLower($name)
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (n)-[r]-(m:Entity)
WITH n, r, m,
     CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     coalesce(r.date, r.valid_from) AS day,
     coalesce(r.not_before, r.valid_from_not_before) AS not_before,
     coalesce(r.not_after, r.valid_from_not_after) AS not_after
RETURN n.name AS entity,
       direction,
       type(r) AS type,
       m.name AS other,
       m.kind AS other_kind,
       day AS date,
       not_before,
       not_after,
       r.valid_to AS ended_on,
       r.rank AS rank,
       r.source_ids AS sources
ORDER BY coalesce(day, not_after, date('9999-12-31')), type, other
