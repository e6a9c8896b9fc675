-- Spend by end user: the caller's user (OpenAI `user`, Anthropic `metadata.user_id`, or the token's user), '' when
-- the request named none. Existing rows had none.
ALTER TABLE spend_daily ADD COLUMN end_user TEXT NOT NULL DEFAULT '';
ALTER TABLE spend_daily DROP CONSTRAINT spend_daily_pkey;
ALTER TABLE spend_daily ADD PRIMARY KEY (day, key_name, team, provider, model, feature, end_user);
