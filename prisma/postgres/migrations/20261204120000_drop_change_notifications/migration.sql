-- The look-up cache and its change notifications are gone (issue #17; ADR 005 superseded by ADR 006):
-- the bot keeps no database rows in memory, so nothing needs to be told of changes.
DROP TRIGGER IF EXISTS "Unit_changes" ON "Unit";
DROP TRIGGER IF EXISTS "Programme_changes" ON "Programme";
DROP TRIGGER IF EXISTS "Official_changes" ON "Official";
DROP TRIGGER IF EXISTS "RoleAssignment_changes" ON "RoleAssignment";
DROP TRIGGER IF EXISTS "Chat_changes" ON "Chat";
DROP TRIGGER IF EXISTS "CapitalPlan_changes" ON "CapitalPlan";
DROP TRIGGER IF EXISTS "DisbursementReport_changes" ON "DisbursementReport";
DROP TRIGGER IF EXISTS "Milestone_changes" ON "Milestone";
DROP TRIGGER IF EXISTS "Task_changes" ON "Task";
DROP FUNCTION IF EXISTS "dondoc_notify_change"();
