"""chitieu.reports"""
