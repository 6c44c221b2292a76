"""With ``PUFA_PORTABLE=1`` (the second run of .ci/run) the POSIX-only facilities are hidden before
any test module is imported, so code that would break on Windows fails here (``model.system``)."""
from model import system

if system.PORTABLE:
    assert system.start_method() == "spawn"
