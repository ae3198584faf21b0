// name: schema_organization_id
// params:
CREATE CONSTRAINT graphkit_organization_id IF NOT EXISTS
FOR (o:Organization) REQUIRE o.id IS UNIQUE
