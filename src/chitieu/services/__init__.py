"""chitieu.services"""
