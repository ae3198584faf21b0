// name: schema_orgname_key
// params:
CREATE CONSTRAINT graphkit_orgname_key IF NOT EXISTS FOR (k:OrgName) REQUIRE k.key IS UNIQUE
