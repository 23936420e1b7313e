-- Revisions and audit events are written once and never changed: the database itself
-- refuses UPDATE and DELETE, whatever code (or person) connects to it.
CREATE FUNCTION "refuse_row_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'IMMUTABLE_ROW: % rows cannot be changed or deleted', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Revision_immutable" BEFORE UPDATE OR DELETE ON "Revision"
  FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"();

CREATE TRIGGER "AuditEvent_immutable" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"();
