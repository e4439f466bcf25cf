// Scoring, red flags and Trade Assurance eligibility over a ``Catalog``.
@_exported import SupplierTrustModel
