from peristiwa.evaluation import SECTIONS
from peristiwa.report import main

main("evaluation", SECTIONS)
