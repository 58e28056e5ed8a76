from peristiwa.benchmark import SECTIONS
from peristiwa.report import main

main("benchmark", SECTIONS)
