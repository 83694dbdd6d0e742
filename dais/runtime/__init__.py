"""Actor runtime: actors with bounded mailboxes, supervisors, an actor system and pub/sub.

Pure anyio, so it runs on asyncio and trio alike. An ``ActorRef`` points at an actor's
slot under its supervisor and survives restarts. A handler's unexpected error either
resumes the actor (``Fault.RESUME``: the asker gets ``HandlerFailed``) or crashes it. The
mailbox lives from a start to a stop: a crash keeps it (asks queued or in flight get
``ActorCrashed``; messages sent while the supervisor restarts the actor wait for the new
incarnation), a stop answers leftover asks with ``ActorStopped`` and closes it.
"""

from __future__ import annotations

from ._actor import Actor as Actor
from ._actor import Fault as Fault
from ._errors import ActorCrashed as ActorCrashed
from ._errors import ActorStopped as ActorStopped
from ._errors import AskTimeout as AskTimeout
from ._errors import DomainError as DomainError
from ._errors import HandlerFailed as HandlerFailed
from ._errors import MailboxFull as MailboxFull
from ._errors import SubscriberOverrun as SubscriberOverrun
from ._errors import SupervisorEscalation as SupervisorEscalation
from ._errors import UnknownActor as UnknownActor
from ._metrics import BUCKETS as BUCKETS
from ._metrics import ActorMetrics as ActorMetrics
from ._pubsub import OverflowPolicy as OverflowPolicy
from ._pubsub import PubSub as PubSub
from ._pubsub import Subscription as Subscription
from ._pubsub import TopicMetrics as TopicMetrics
from ._ref import ActorRef as ActorRef
from ._ref import Envelope as Envelope
from ._spec import ChildSpec as ChildSpec
from ._spec import Restart as Restart
from ._spec import Strategy as Strategy
from ._spec import SupervisorSpec as SupervisorSpec
from ._system import ActorSystem as ActorSystem
