// sources_for_event: the articles behind one event (a relationship's `id`, or the `event_id` of the
// endorsement it opened), with the sentence each one gives as evidence.
// @param event_id string: the event id, as `timeline` lists it
MATCH ()-[r]->()
WHERE r.id = $event_id OR r.event_id = $event_id
UNWIND r.source_ids AS source_id
MATCH (s:Article {id: source_id})
WHERE s.dataset = r.dataset
RETURN type(r) AS type,
       s.id AS source,
       s.url AS url,
       s.outlet AS outlet,
       s.published AS published,
       [e IN coalesce(r.evidence, []) WHERE e STARTS WITH s.id + ': ' | substring(e, size(s.id) + 2)]
         AS evidence
ORDER BY source
