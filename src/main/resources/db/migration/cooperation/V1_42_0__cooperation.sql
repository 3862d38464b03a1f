-- Cooperation: agreements, funded projects, S&T commissioners and events live in their own schema.
create schema if not exists cooperation;
