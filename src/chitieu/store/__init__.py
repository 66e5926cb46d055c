"""chitieu.store"""
