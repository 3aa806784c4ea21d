"""The "JWJT" Processing provider: every analysis of the plugin as a Toolbox algorithm."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..adapters.i18n import tr
from ..paths import icon_path


class JwjtProvider(QgsProcessingProvider):
    def id(self):
        return "jwjt"

    def name(self):
        return tr("JWJT pollution–carbon synergy")

    def longName(self):  # noqa: N802
        return tr("JWJT — pollution and carbon synergy control (减污降碳协同管控)")

    def icon(self):
        return QIcon(icon_path())

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())


def algorithm_classes():
    """Every JWJT algorithm class, in Toolbox order."""
    from .access_query_algorithm import AccessQueryAlgorithm
    from .assessment_algorithm import SectorAssessmentAlgorithm, SynergyAssessmentAlgorithm
    from .atlas_algorithm import SynergyAtlasAlgorithm
    from .delineation_algorithm import DelineateUnitsAlgorithm, FitUnitsAlgorithm
    from .park_carbon_algorithm import ParkCarbonAlgorithm
    from .plan_overlap_algorithm import PlanOverlapAlgorithm
    from .synergy_algorithm import SynergyFlagsAlgorithm
    from .synergy_zones_algorithm import SynergyZonesAlgorithm
    from .unit_proposals_algorithm import UnitProposalsAlgorithm
    from .unit_qa_algorithm import UnitQaAlgorithm

    return (SynergyFlagsAlgorithm, PlanOverlapAlgorithm, UnitQaAlgorithm, AccessQueryAlgorithm,
            SynergyAssessmentAlgorithm, SectorAssessmentAlgorithm, SynergyAtlasAlgorithm,
            DelineateUnitsAlgorithm, FitUnitsAlgorithm, SynergyZonesAlgorithm, UnitProposalsAlgorithm,
            ParkCarbonAlgorithm)
