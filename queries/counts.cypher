// name: counts
// params:
// How many of each record the database holds: when the count equals the network's after a
// load's MERGEs, nothing is stale and the keys need not be fetched.
RETURN COUNT { (:Person) } AS people,
       COUNT { (:Organization) } AS organizations,
       COUNT { (:Group) } AS groups,
       COUNT { (:OrgName) } AS orgnames,
       COUNT { (:Person)-[:MEMBER_OF]->(:Group) } AS memberships,
       COUNT { (:Person)-[:WORKS_AT]->(:Organization) } AS jobs,
       COUNT { (:Person)-[:KNOWS]->(:Person) } AS ties
