internal import CBLAS
