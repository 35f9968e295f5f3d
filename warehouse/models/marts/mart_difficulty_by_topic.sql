-- Difficulty concentration: which topics reach human agents and which the AI agent keeps. A
-- conversation's topic is metadata 'topic' or 'intent' when the export carries one, else the topic
-- its gap findings name most often, else its queue.
with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

conversations as (
    select * from {{ ref('stg_conversations') }}
),

instances as (
    select * from {{ ref('int_gap_instances') }}
),

finding_topics as (
    select conversation_id, topic
    from (
        select
            conversation_id, topic,
            row_number() over (partition by conversation_id order by count(*) desc, topic) as topic_rank
        from instances
        where topic is not null and topic <> ''
        group by conversation_id, topic
    )
    where topic_rank = 1
),

topics as (
    select
        conversation_scores.conversation_id,
        conversation_scores.handled_by,
        conversation_scores.cx_score,
        coalesce(
            nullif(map_extract(conversations.metadata, 'topic')[1], ''),
            nullif(map_extract(conversations.metadata, 'intent')[1], ''),
            finding_topics.topic,
            conversation_scores.queue,
            '(unknown)'
        ) as topic
    from conversation_scores
    inner join conversations on conversation_scores.conversation_id = conversations.conversation_id
    left join finding_topics on conversation_scores.conversation_id = finding_topics.conversation_id
),

per_topic as (
    select
        topic,
        count(*) as count_conversations,
        count(*) filter (where handled_by = 'ai') as count_ai_only,
        count(*) filter (where handled_by in ('human', 'ai_to_human')) as count_reaching_human,
        avg(cx_score) filter (where handled_by = 'ai') as mean_cx_ai_only,
        avg(cx_score) filter (where handled_by in ('human', 'ai_to_human')) as mean_cx_reaching_human
    from topics
    group by topic
),

final as (
    select
        *,
        count_reaching_human / count_conversations as share_reaching_human
    from per_topic
)

select * from final
