-- Gaps, not instances: one row per gap with its volume, CX impact, when it was seen, its owner and
-- example conversations. The lifecycle state (new, ongoing, resolved, regressed) is not here: it
-- depends on what earlier runs saw, so io.cxscore.publish.gaps.GapLifecycle computes and keeps it.
with

instances as (
    select * from {{ ref('int_gap_instances') }}
),

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

conversations as (
    select * from {{ ref('stg_conversations') }}
),

data_as_of as (
    -- The data's latest day, not the wall clock: re-running on the same data gives the same marts.
    select greatest(
        (select max(opened_on) from conversations),
        (select max(opened_on) from instances)
    ) as data_as_of
),

all_scored as (
    select count(*) as count_scored, sum(cx_score) as sum_cx
    from conversation_scores
),

gap_conversations as (
    -- a conversation counts once per gap, however many findings point at it
    select
        gap_id,
        conversation_id,
        max(confidence) as max_confidence,
        bool_or(is_ai_turn) as has_ai_turn
    from instances
    group by gap_id, conversation_id
),

gap_facts as (
    select
        gap_id,
        any_value(category) as category,
        any_value(subcategory) as subcategory,
        any_value(topic_key) as topic_key,
        any_value(subject_key) as subject_key,
        count(*) as count_instances,
        count(distinct conversation_id) as count_conversations,
        count(*) filter (where is_ai_turn) as count_ai_turn_instances,
        avg(confidence) as mean_confidence,
        min(opened_on) as first_seen_on,
        max(opened_on) as last_seen_on,
        list(distinct opened_on order by opened_on) as seen_on_days
    from instances
    group by gap_id
),

display_names as (
    -- the most frequent spelling of topic and subject names the gap for people
    select gap_id, topic, subject
    from (
        select
            gap_id, topic, subject,
            row_number() over (partition by gap_id order by count(*) desc, topic, subject) as spelling_rank
        from instances
        group by gap_id, topic, subject
    )
    where spelling_rank = 1
),

owners as (
    -- owners can depend on brand or queue, so one gap may map to several; the most frequent wins
    select gap_id, owner_team, owner_contact, owner_channel, owner_is_default
    from (
        select
            gap_id, owner_team, owner_contact, owner_channel, owner_is_default,
            row_number() over (
                partition by gap_id order by count(*) desc, owner_team, owner_contact, owner_channel
            ) as owner_rank
        from instances
        group by gap_id, owner_team, owner_contact, owner_channel, owner_is_default
    )
    where owner_rank = 1
),

examples as (
    select gap_id, list(conversation_id order by example_rank) as example_conversation_ids
    from (
        select
            gap_id, conversation_id,
            row_number() over (partition by gap_id order by max_confidence desc, conversation_id) as example_rank
        from gap_conversations
    )
    where example_rank <= 3
    group by gap_id
),

affected_scores as (
    select
        gap_conversations.gap_id,
        count(conversation_scores.cx_score) as count_scored_affected,
        sum(conversation_scores.cx_score) as sum_cx_affected
    from gap_conversations
    inner join conversation_scores
        on gap_conversations.conversation_id = conversation_scores.conversation_id
    group by gap_conversations.gap_id
),

joined as (
    select
        ---------- ids and key
        gap_facts.gap_id,
        gap_facts.category,
        gap_facts.subcategory,
        gap_facts.topic_key,
        gap_facts.subject_key,
        display_names.topic,
        display_names.subject,

        ---------- owner
        owners.owner_team,
        owners.owner_contact,
        owners.owner_channel,
        owners.owner_is_default,

        ---------- volume
        gap_facts.count_conversations,
        gap_facts.count_instances,
        gap_facts.count_ai_turn_instances,
        gap_facts.mean_confidence,

        ---------- CX impact: mean CX of the conversations with this gap vs every other scored one
        coalesce(affected_scores.count_scored_affected, 0) as count_scored_affected,
        affected_scores.sum_cx_affected / nullif(affected_scores.count_scored_affected, 0) as mean_cx_affected,
        (all_scored.sum_cx - coalesce(affected_scores.sum_cx_affected, 0))
            / nullif(all_scored.count_scored - coalesce(affected_scores.count_scored_affected, 0), 0)
            as mean_cx_rest,

        ---------- when
        gap_facts.first_seen_on,
        gap_facts.last_seen_on,
        gap_facts.seen_on_days,
        data_as_of.data_as_of,

        ---------- examples (ids only: text goes through the redactor in the feeds)
        examples.example_conversation_ids

    from gap_facts
    inner join display_names on gap_facts.gap_id = display_names.gap_id
    inner join owners on gap_facts.gap_id = owners.gap_id
    inner join examples on gap_facts.gap_id = examples.gap_id
    left join affected_scores on gap_facts.gap_id = affected_scores.gap_id
    cross join all_scored
    cross join data_as_of
),

final as (
    select
        *,
        mean_cx_affected - mean_cx_rest as cx_impact
    from joined
)

select * from final
