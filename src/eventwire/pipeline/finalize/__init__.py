"""finalize"""
