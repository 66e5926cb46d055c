"""chitieu.extraction"""
