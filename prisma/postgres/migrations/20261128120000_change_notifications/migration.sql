-- Change notifications (PostgreSQL only; docs/decisions/005-lookup-cache.md). The bot keeps the registry
-- look-ups and the unit /status rows in memory (src/services/lookup-cache.ts) and forgets them when one of
-- the tables they are read from changes: in this process at once, in another (the CLI, another instance)
-- on this notification, sent at commit. One per statement, not per row; PostgreSQL folds a transaction's
-- identical notifications into one.
CREATE FUNCTION "dondoc_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dondoc_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Unit_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Programme_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Official_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Official" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "RoleAssignment_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoleAssignment" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Chat_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Chat" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "CapitalPlan_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapitalPlan" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "DisbursementReport_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DisbursementReport" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Milestone_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Milestone" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Task_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Task" FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
