"""The CLI commands besides ``synergy``: one module per analysis, each mirroring its Processing
algorithm. Every module has ``NAME``, ``HELP``, ``DESCRIPTION``, ``add_arguments(parser)`` and
``run(args) -> exit code``; :mod:`jwjt_plugin.cli` builds the parser and dispatches from
:data:`COMMANDS`. Qt- and QGIS-free, like the core."""
from . import assessment, delineate, park, plan_overlap, query, unit_qa

COMMANDS = (unit_qa, plan_overlap, query, assessment, delineate, park)
