"""reminders: outbox language and late flag; one negotiation-wide subscription per chat

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:00:00

- `outboxmessage.language`: the language a row's text was rendered in, so the dispatcher can add a
  "late" line in the same language when the bot was down at the row's due time.
- `outboxmessage.late`: the row was sent after the bot came back from downtime (marked in the text).
- `ix_outbox_event_state`, `ix_outbox_subscription_state`: re-planning removes an event's (or a
  subscription's) pending rows without scanning the whole outbox.
- `uq_subscription_whole_negotiation`: the scope constraint (chat, negotiation, event) does not stop a
  second negotiation-wide row, because `event_id` is NULL and NULLs are distinct in unique
  constraints on both SQLite and PostgreSQL; this partial index does.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index("ix_outbox_event_state", ["event_id", "state"], unique=False)
        batch_op.create_index("ix_outbox_subscription_state", ["subscription_id", "state"], unique=False)
    op.create_index(
        "uq_subscription_whole_negotiation",
        "subscription",
        ["chat_id", "negotiation_id"],
        unique=True,
        sqlite_where=sa.text("event_id IS NULL"),
        postgresql_where=sa.text("event_id IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_subscription_whole_negotiation", table_name="subscription")
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_subscription_state")
        batch_op.drop_index("ix_outbox_event_state")
        batch_op.drop_column("late")
        batch_op.drop_column("language")
