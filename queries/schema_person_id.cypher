// name: schema_person_id
// params:
CREATE CONSTRAINT graphkit_person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE
