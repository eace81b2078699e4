// joint_statements: statements several actors signed together (events sharing a `group`).
// One row per group and action: the day, the target, how many signed and who.
MATCH (a:Entity)-[r]->(c:Entity)
WHERE r.group IS NOT NULL
WITH r.group AS statement, type(r) AS type, c.name AS target,
     min(coalesce(r.date, r.valid_from)) AS day, a.name AS signer ORDER BY signer
WITH statement, type, target, min(day) AS day, collect(signer) AS signers
RETURN statement AS `group`, type, target, day AS date, size(signers) AS signed, signers
ORDER BY date, statement, type
