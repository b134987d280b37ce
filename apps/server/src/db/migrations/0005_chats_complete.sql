CREATE TABLE "chat_folder_chats" (
	"folder_id" text NOT NULL,
	"chat_id" text NOT NULL,
	CONSTRAINT "chat_folder_chats_folder_id_chat_id_pk" PRIMARY KEY("folder_id","chat_id")
);
--> statement-breakpoint
CREATE TABLE "chat_folders" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "important_messages" (
	"user_id" text NOT NULL,
	"message_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "important_messages_user_id_message_id_pk" PRIMARY KEY("user_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "message_confirmations" (
	"message_id" text NOT NULL,
	"user_id" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_confirmations_message_id_user_id_pk" PRIMARY KEY("message_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "chat_members" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_members" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "members_may_invite" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "members_may_pin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "members_may_edit_info" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "disappear_after_sec" integer;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "invite_code" text;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "personal_key" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "forwarded_from" jsonb;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "requires_confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "award" jsonb;--> statement-breakpoint
ALTER TABLE "chat_folder_chats" ADD CONSTRAINT "chat_folder_chats_folder_id_chat_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."chat_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_folder_chats" ADD CONSTRAINT "chat_folder_chats_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_folders" ADD CONSTRAINT "chat_folders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "important_messages" ADD CONSTRAINT "important_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "important_messages" ADD CONSTRAINT "important_messages_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "important_messages" ADD CONSTRAINT "important_messages_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_confirmations" ADD CONSTRAINT "message_confirmations_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_confirmations" ADD CONSTRAINT "message_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_folders_user_idx" ON "chat_folders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "important_messages_user_idx" ON "important_messages" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "messages_expires_idx" ON "messages" USING btree ("expires_at") WHERE expires_at is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "messages_pinned_idx" ON "messages" USING btree ("chat_id","pinned_at") WHERE pinned_at is not null;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_invite_code_unique" UNIQUE("invite_code");--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_personal_key_unique" UNIQUE("personal_key");