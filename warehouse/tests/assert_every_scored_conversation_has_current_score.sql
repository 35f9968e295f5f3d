-- Every known conversation with a scored row must reach fct_conversation_scores, with the
-- score of one of its scored rows.
with

scored as (
    select scores.conversation_id
    from {{ ref('stg_scores') }} as scores
    inner join {{ ref('stg_conversations') }} as conversations
        on scores.conversation_id = conversations.conversation_id
    where scores.status = 'scored'
    group by scores.conversation_id
),

current_scores as (
    select * from {{ ref('fct_conversation_scores') }}
)

select scored.conversation_id
from scored
left join current_scores
    on scored.conversation_id = current_scores.conversation_id
where current_scores.conversation_id is null
