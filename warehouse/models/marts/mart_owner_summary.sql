-- What each owner has on their plate: their gaps, how many conversations those touch, and the
-- gap hurting CX the most (volume x impact, so a rare small dip does not outrank a common one).
with

gaps as (
    select * from {{ ref('mart_gaps') }}
),

instances as (
    select * from {{ ref('int_gap_instances') }}
),

owner_conversations as (
    -- a conversation with two of an owner's gaps counts once for that owner
    select
        gaps.owner_team,
        count(distinct instances.conversation_id) as count_conversations
    from instances
    inner join gaps on instances.gap_id = gaps.gap_id
    group by gaps.owner_team
),

ranked as (
    select
        *,
        row_number() over (
            partition by owner_team
            order by count_scored_affected * coalesce(-cx_impact, 0) desc, count_conversations desc, gap_id
        ) as harm_rank
    from gaps
),

per_owner as (
    select
        owner_team,
        min(owner_contact) as owner_contact,
        min(owner_channel) as owner_channel,
        bool_or(owner_is_default) as owner_is_default,
        count(*) as count_gaps,
        sum(count_instances) as count_instances,
        count(*) filter (where last_seen_on > data_as_of - 7) as count_gaps_seen_last_7_days,
        count(*) filter (where first_seen_on > data_as_of - 7) as count_gaps_first_seen_last_7_days,
        max(data_as_of) as data_as_of,
        min(gap_id) filter (where harm_rank = 1) as most_harmful_gap_id
    from ranked
    group by owner_team
),

final as (
    select
        per_owner.*,
        owner_conversations.count_conversations
    from per_owner
    inner join owner_conversations on per_owner.owner_team = owner_conversations.owner_team
)

select * from final
