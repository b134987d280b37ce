-- The membership tables say when someone joined, not when a row was made.
ALTER TABLE "chat_members" RENAME COLUMN "created_at" TO "joined_at";--> statement-breakpoint
ALTER TABLE "org_members" RENAME COLUMN "created_at" TO "joined_at";
