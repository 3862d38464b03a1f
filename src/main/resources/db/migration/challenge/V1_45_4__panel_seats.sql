-- When an expert took a seat on a challenge's panel and the region it came from then (PanelFlows: experts of one
-- region on panels of another). Seats taken before this migration count on the day the expert accepted the
-- invitation, or else on the challenge's deadline (the earliest a panel is formed); their region is left empty and
-- looked up from the expert's account when counted.
alter table challenge.panellist add column seated_at timestamptz;
alter table challenge.panellist add column region_code varchar(6);

update challenge.panellist p
   set seated_at = coalesce((select i.answered_at from challenge.invitation i
                              where i.challenge_id = p.challenge_id and i.user_id = p.user_id and i.state = 'ACCEPTED'),
                            (select c.deadline from challenge.challenge c where c.id = p.challenge_id));

alter table challenge.panellist alter column seated_at set not null;
create index panellist_seated_idx on challenge.panellist (seated_at);
