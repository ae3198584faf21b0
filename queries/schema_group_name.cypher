// name: schema_group_name
// params:
CREATE CONSTRAINT graphkit_group_name IF NOT EXISTS FOR (g:Group) REQUIRE g.name IS UNIQUE
